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
