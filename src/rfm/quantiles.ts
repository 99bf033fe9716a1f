/**
 * Quantiles by linear interpolation between order statistics (Hyndman–Fan type 7: the default of
 * R, NumPy and DuckDB's quantile_cont), so bin edges match what an analyst computes elsewhere.
 *
 * @example quantiles(Float64Array.of(1, 2, 3, 4, 5), [0.5]) // [3]
 */
export function quantiles(values: Float64Array, probs: readonly number[]): number[] {
  if (values.length === 0) return probs.map(() => Number.NaN);
  const sorted = Float64Array.from(values).sort();
  return probs.map((p) => {
    const h = (sorted.length - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
  });
}
