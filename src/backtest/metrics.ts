/**
 * Area under the ROC curve of `score` for the event `positive`: the probability that a random
 * positive scores above a random negative, ties counting ½ (the Mann–Whitney U statistic over
 * n₁·n₀, with mid-ranks for tied scores). NaN when either class is empty.
 *
 * @example auc(Float64Array.of(0.1, 0.4, 0.4, 0.8), Uint8Array.of(0, 0, 1, 1)) // 0.875
 */
export function auc(score: Float64Array, positive: Uint8Array): number {
  const n = score.length;
  if (positive.length !== n) throw new RangeError(`auc: ${n} scores but ${positive.length} labels`);
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((i, j) => score[i]! - score[j]!);
  let positives = 0;
  let rankSum = 0; // sum of the positives' mid-ranks (1-based)
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && score[order[end]!] === score[order[start]!]) end++;
    const midRank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) {
      if (positive[order[k]!]) {
        positives++;
        rankSum += midRank;
      }
    }
    start = end;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * Pearson correlation of two equally long samples; NaN when either is constant or empty.
 *
 * @example pearson(Float64Array.of(1, 2, 3), Float64Array.of(2, 4, 7)) // 0.9934
 */
export function pearson(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  if (b.length !== n) throw new RangeError(`pearson: samples of ${n} and ${b.length} values`);
  let ma = 0, mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]! / n;
    mb += b[i]! / n;
  }
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i]! - ma, db = b[i]! - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : Number.NaN;
}

/**
 * Root mean squared error of predictions against actual values; NaN when empty.
 *
 * @example rmse(Float64Array.of(1, 2), Float64Array.of(1, 4)) // √2
 */
export function rmse(predicted: Float64Array, actual: Float64Array): number {
  const n = predicted.length;
  if (actual.length !== n) throw new RangeError(`rmse: ${n} predictions but ${actual.length} actual values`);
  let s = 0;
  for (let i = 0; i < n; i++) s += (predicted[i]! - actual[i]!) ** 2;
  return n > 0 ? Math.sqrt(s / n) : Number.NaN;
}

/** One bin of a reliability chart: mean predicted probability vs observed share of the event. */
export interface ReliabilityBin {
  customers: number;
  predicted: number;
  observed: number;
}

/**
 * Reliability of a predicted probability: customers sorted by prediction and cut into `bins`
 * equal-count groups (deciles by default; ties may straddle a cut), each with its mean prediction
 * and the observed share of the event. Empty bins are left out.
 *
 * @example reliability(Float64Array.of(0.1, 0.2, 0.8, 0.9), Uint8Array.of(0, 0, 1, 1), 2) // [{ customers: 2, predicted: 0.15, observed: 0 }, { customers: 2, predicted: 0.85, observed: 1 }]
 */
export function reliability(p: Float64Array, event: Uint8Array, bins = 10): ReliabilityBin[] {
  const n = p.length;
  if (event.length !== n) throw new RangeError(`reliability: ${n} predictions but ${event.length} outcomes`);
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((i, j) => p[i]! - p[j]!);
  const out: ReliabilityBin[] = [];
  for (let b = 0; b < bins; b++) {
    const lo = Math.floor((b * n) / bins), hi = Math.floor(((b + 1) * n) / bins);
    if (hi <= lo) continue;
    let sp = 0, se = 0;
    for (let k = lo; k < hi; k++) {
      sp += p[order[k]!]!;
      se += event[order[k]!]!;
    }
    out.push({ customers: hi - lo, predicted: sp / (hi - lo), observed: se / (hi - lo) });
  }
  return out;
}

/**
 * Expected calibration error: the customer-weighted mean |predicted − observed| over the
 * reliability bins (deciles). 0 for a perfectly calibrated probability; NaN when empty.
 *
 * @example calibrationError(Float64Array.of(0.1, 0.2, 0.8, 0.9), Uint8Array.of(0, 0, 1, 1), 2) // 0.15
 */
export function calibrationError(p: Float64Array, event: Uint8Array, bins = 10): number {
  const r = reliability(p, event, bins);
  const n = r.reduce((s, b) => s + b.customers, 0);
  return n > 0 ? r.reduce((s, b) => s + b.customers * Math.abs(b.predicted - b.observed), 0) / n : Number.NaN;
}

/**
 * Brier score of a predicted probability: mean (p − outcome)². 0 is perfect; always predicting
 * the base rate π scores π(1 − π). NaN when empty.
 *
 * @example brier(Float64Array.of(0.9, 0.2), Uint8Array.of(1, 0)) // 0.025
 */
export function brier(p: Float64Array, event: Uint8Array): number {
  const n = p.length;
  if (event.length !== n) throw new RangeError(`brier: ${n} predictions but ${event.length} outcomes`);
  let s = 0;
  for (let i = 0; i < n; i++) s += (p[i]! - event[i]!) ** 2;
  return n > 0 ? s / n : Number.NaN;
}

/**
 * AUC over groups of customers that share a score: `pos[i]` and `neg[i]` customers of group i
 * have score[i]. Equal to auc() on the expanded customers (ties count ½), at the cost of sorting
 * the groups only: model selection scores compressed histories, not a million customers.
 *
 * @example aucCounts(Float64Array.of(0.1, 0.4, 0.8), Float64Array.of(0, 1, 1), Float64Array.of(1, 1, 0)) // 0.875
 */
export function aucCounts(score: Float64Array, pos: Float64Array, neg: Float64Array): number {
  const order = Uint32Array.from({ length: score.length }, (_, i) => i).sort((i, j) => score[i]! - score[j]!);
  let negBelow = 0, sum = 0, P = 0, N = 0;
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && score[order[end]!] === score[order[start]!]) end++;
    let p = 0, n = 0;
    for (let k = start; k < end; k++) {
      p += pos[order[k]!]!;
      n += neg[order[k]!]!;
    }
    sum += p * (negBelow + n / 2);
    negBelow += n;
    P += p;
    N += n;
    start = end;
  }
  return P > 0 && N > 0 ? sum / (P * N) : Number.NaN;
}

/**
 * reliability() over groups: group i has `total[i]` customers with prediction p[i], `event[i]`
 * of whom had the event. Bins hold equal shares of customers (a group is not split, so bins
 * are only roughly equal).
 *
 * @example reliabilityCounts(Float64Array.of(0.1, 0.9), Float64Array.of(0, 3), Float64Array.of(2, 3), 2)
 */
export function reliabilityCounts(p: Float64Array, event: Float64Array, total: Float64Array, bins = 10): ReliabilityBin[] {
  const order = Uint32Array.from({ length: p.length }, (_, i) => i).sort((i, j) => p[i]! - p[j]!);
  const n = total.reduce((s, v) => s + v, 0);
  const out: ReliabilityBin[] = [];
  let cum = 0, bin = 0, c = 0, sp = 0, se = 0;
  for (const i of order) {
    c += total[i]!;
    sp += p[i]! * total[i]!;
    se += event[i]!;
    cum += total[i]!;
    if (cum >= ((bin + 1) * n) / bins - 1e-9) {
      if (c > 0) out.push({ customers: c, predicted: sp / c, observed: se / c });
      c = sp = se = 0;
      while (cum >= ((bin + 1) * n) / bins - 1e-9 && bin < bins) bin++;
    }
  }
  if (c > 0) out.push({ customers: c, predicted: sp / c, observed: se / c });
  return out;
}

/**
 * Customer-weighted mean |predicted − observed| over reliability bins (see calibrationError).
 *
 * @example binsError([{ customers: 2, predicted: 0.15, observed: 0 }]) // 0.15
 */
export function binsError(bins: readonly ReliabilityBin[]): number {
  const n = bins.reduce((s, b) => s + b.customers, 0);
  return n > 0 ? bins.reduce((s, b) => s + b.customers * Math.abs(b.predicted - b.observed), 0) / n : Number.NaN;
}
