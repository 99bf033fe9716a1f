/**
 * Above this many distinct rows, fits search their starting points on a subsample and polish only
 * the best on all rows: every start costs tens of likelihood evaluations, and on a million daily
 * customers (several hundred thousand rows) running them all on the full table took seconds.
 * At or below it (CDNOW: 1,016 rows) fits run every start on every row, exactly as before.
 */
export const SEARCH_ROWS = 20_000;

/**
 * A deterministic subsample of about `limit` rows of parallel columns, each row kept with the same
 * probability by a multiplicative hash of its index (no dependence on the row order's structure).
 * Weights are kept as they are: the subsample's weighted sums estimate the full ones up to one
 * common factor, which does not move a likelihood's optimum.
 *
 * @example subsampleRows({ x, tx, T, weight }, 20_000).x.length // ≈ 20,000
 */
export function subsampleRows<C extends Record<keyof C, Float64Array>>(columns: C, limit: number): C {
  const first = (Object.values(columns) as Float64Array[])[0];
  const n = first?.length ?? 0;
  if (n <= limit) return columns;
  const threshold = Math.floor((limit / n) * 2 ** 32);
  const keep: number[] = [];
  for (let i = 0; i < n; i++) if (Math.imul(i + 1, 0x9e3779b1) >>> 0 < threshold) keep.push(i);
  const out: Record<string, Float64Array> = {};
  for (const [name, col] of Object.entries(columns) as [string, Float64Array][]) out[name] = Float64Array.from(keep, (i) => col[i]!);
  return out as unknown as C;
}
