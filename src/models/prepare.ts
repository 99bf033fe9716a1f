import { compressColumns } from './compress.js';
import type { SpendRows, SummaryRows } from './types.js';

/**
 * Summary rows with their distinct x values and distinct times (t_x and T share one table), so a
 * likelihood evaluates lnΓ ratios once per distinct x and ln(α + t) once per distinct time rather
 * than once per row: daily data has hundreds of thousands of (x, t_x, T) rows but only a few
 * hundred distinct values of each.
 */
export interface PreparedSummary extends SummaryRows {
  xs: Float64Array;
  xAt: Int32Array;
  times: Float64Array;
  txAt: Int32Array;
  TAt: Int32Array;
}

/** Repeat buyers' spend rows with distinct x values and ln m̄ precomputed. */
export interface PreparedSpend extends SpendRows {
  xs: Float64Array;
  xAt: Int32Array;
  lnM: Float64Array;
}

/**
 * Index summary rows by their distinct values; already prepared rows are returned as they are.
 *
 * @example prepareSummary(compressSummary(x, tx, T)).xs // the distinct repeat counts
 */
export function prepareSummary(rows: SummaryRows | PreparedSummary): PreparedSummary {
  if ('xAt' in rows) return rows;
  const n = rows.x.length;
  const xLevels = compressColumns([rows.x]);
  const both = new Float64Array(2 * n);
  both.set(rows.tx);
  both.set(rows.T, n);
  const tLevels = compressColumns([both]);
  return {
    ...rows,
    xs: xLevels.columns[0]!,
    xAt: xLevels.rowOf,
    times: tLevels.columns[0]!,
    txAt: tLevels.rowOf.subarray(0, n),
    TAt: tLevels.rowOf.subarray(n),
  };
}

/**
 * Index spend rows by their distinct x values and precompute ln m̄ (rows must have m̄ > 0).
 *
 * @example prepareSpend(compressSpend(x, mbar)).lnM
 */
export function prepareSpend(rows: SpendRows | PreparedSpend): PreparedSpend {
  if ('xAt' in rows) return rows;
  const xLevels = compressColumns([rows.x]);
  return { ...rows, xs: xLevels.columns[0]!, xAt: xLevels.rowOf, lnM: rows.mbar.map(Math.log) };
}
