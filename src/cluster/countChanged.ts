/** Agreement between last run's clusters and this run's, on the customers clustered in both. */
export interface ChangeCount {
  compared: number;
  changed: number;
  /** Adjusted Rand index of the two partitions (1 = the same grouping; ~0 = chance); NaN when undefined. */
  ari: number;
}

/**
 * Customers whose cluster id changed since last run, and the adjusted Rand index (Hubert & Arabie
 * 1985) of the two groupings. `previous` is aligned with `labels` by customer index; −1 in either
 * (a customer last run did not have, or one set aside) leaves the customer out. The ARI does not
 * care about ids, so it says whether the same customers are still grouped together even when
 * ids were reassigned; the changed count says what a campaign keyed on the id sees. O(n + k·k').
 *
 * @example countChanged(Int32Array.of(0, 1, -1), Int32Array.of(0, 2, 1)) // { compared: 2, changed: 1, ari: NaN }
 */
export function countChanged(previous: Int32Array, labels: Int32Array): ChangeCount {
  let kPrev = 0;
  let k = 0;
  for (let i = 0; i < labels.length; i++) {
    if (previous[i]! >= kPrev) kPrev = previous[i]! + 1;
    if (labels[i]! >= k) k = labels[i]! + 1;
  }
  const table = new Float64Array(kPrev * k);
  let compared = 0;
  let changed = 0;
  for (let i = 0; i < labels.length; i++) {
    const a = previous[i]!;
    const b = labels[i]!;
    if (a < 0 || b < 0) continue;
    compared++;
    if (a !== b) changed++;
    table[a * k + b]!++;
  }
  return { compared, changed, ari: adjustedRand(table, kPrev, k, compared) };
}

const pairs = (x: number): number => (x * (x - 1)) / 2;

/** ARI from a kRows×kCols contingency table of n items; NaN when both groupings are trivial. */
function adjustedRand(table: Float64Array, kRows: number, kCols: number, n: number): number {
  if (n < 2) return Number.NaN;
  let index = 0;
  const rows = new Float64Array(kRows);
  const cols = new Float64Array(kCols);
  for (let a = 0; a < kRows; a++) {
    for (let b = 0; b < kCols; b++) {
      const x = table[a * kCols + b]!;
      index += pairs(x);
      rows[a]! += x;
      cols[b]! += x;
    }
  }
  const sumRows = rows.reduce((s, x) => s + pairs(x), 0);
  const sumCols = cols.reduce((s, x) => s + pairs(x), 0);
  const expected = (sumRows * sumCols) / pairs(n);
  const max = (sumRows + sumCols) / 2;
  return max === expected ? Number.NaN : (index - expected) / (max - expected);
}
