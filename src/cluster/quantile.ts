import { selectInPlace } from './median.js';

/**
 * The p-quantile (type 7, as R's default and numpy's linear: h = (n−1)·p, interpolated) of
 * values[from, to), by selection, reordering that range in place: O(length), no sort. NaN if empty.
 *
 * @example quantileInPlace(Float64Array.of(5, 1, 4, 2), 0, 4, 0.25) // 1.75
 */
export function quantileInPlace(values: Float64Array, from: number, to: number, p: number): number {
  const count = to - from;
  if (count <= 0) return Number.NaN;
  const h = (count - 1) * Math.min(1, Math.max(0, p));
  const at = from + Math.floor(h);
  const lower = selectInPlace(values, from, to - 1, at);
  const frac = h - Math.floor(h);
  if (frac === 0) return lower;
  // After selection everything right of `at` is ≥ it, so the next order statistic is their minimum.
  let upper = Number.POSITIVE_INFINITY;
  for (let i = at + 1; i < to; i++) if (values[i]! < upper) upper = values[i]!;
  return lower + (upper - lower) * frac;
}

/**
 * Several quantiles of the values at `rows` (all values when rows is undefined), on a copy. Taken
 * in ascending order, each selection only searches right of the previous one's position (all
 * there is ≥ it), so two quartiles cost about one and a half selections.
 *
 * @example quantilesOf(Float64Array.of(1, 2, 3, 4, 5), [0.25, 0.75]) // [2, 4]
 */
export function quantilesOf(values: Float64Array, ps: readonly number[], rows?: Int32Array): number[] {
  let copy: Float64Array;
  if (rows === undefined) copy = Float64Array.from(values);
  else {
    copy = new Float64Array(rows.length);
    for (let s = 0; s < rows.length; s++) copy[s] = values[rows[s]!]!;
  }
  const n = copy.length;
  const counted = smallCounts(copy);
  if (counted) return ps.map((p) => quantileOfCounts(counted, n, p));
  const out = new Array<number>(ps.length);
  const order = ps.map((p, j) => [p, j] as const).sort((a, b) => a[0] - b[0]);
  let from = 0;
  for (const [p, j] of order) {
    out[j] = quantileAt(copy, from, n, p);
    from = Math.max(from, Math.floor((n - 1) * Math.min(1, Math.max(0, p))));
  }
  return out;
}

/** Largest value counted instead of selected: order counts are small whole numbers. */
const MAX_COUNTED = 1 << 16;

/** How often each whole value 0..max occurs, or null when a value is not a whole number in 0..MAX_COUNTED. */
function smallCounts(values: Float64Array): Int32Array | null {
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!(v >= 0 && v <= MAX_COUNTED && v === Math.floor(v))) return null;
    if (v > max) max = v;
  }
  const counts = new Int32Array(max + 1);
  for (let i = 0; i < values.length; i++) counts[values[i]!]!++;
  return counts;
}

/** The p-quantile (type 7) from value counts: the order statistics are read off the running total. */
function quantileOfCounts(counts: Int32Array, n: number, p: number): number {
  if (n === 0) return Number.NaN;
  const h = (n - 1) * Math.min(1, Math.max(0, p));
  const at = Math.floor(h);
  const lower = orderStatistic(counts, at);
  const frac = h - at;
  return frac === 0 ? lower : lower + (orderStatistic(counts, at + 1) - lower) * frac;
}

/** The r-th smallest value (0-based) of the counted values. */
function orderStatistic(counts: Int32Array, r: number): number {
  let seen = 0;
  for (let v = 0; v < counts.length; v++) {
    seen += counts[v]!;
    if (seen > r) return v;
  }
  return counts.length - 1;
}

/** The p-quantile of all of values[0, n), with values[0, from) already ≤ everything after them. */
function quantileAt(values: Float64Array, from: number, n: number, p: number): number {
  if (n === 0) return Number.NaN;
  const h = (n - 1) * Math.min(1, Math.max(0, p));
  const at = Math.floor(h);
  const lower = selectInPlace(values, from, n - 1, at);
  const frac = h - at;
  if (frac === 0) return lower;
  let upper = Number.POSITIVE_INFINITY;
  for (let i = at + 1; i < n; i++) if (values[i]! < upper) upper = values[i]!;
  return lower + (upper - lower) * frac;
}
