import type { SpendRows, SummaryRows } from './types.js';

/**
 * One customer as a one-row table, for evaluating a per-row likelihood.
 *
 * @example bgnbdLogLikelihood(params, summaryRow(2, 30.43, 38.86))
 */
export const summaryRow = (x: number, tx: number, T: number): SummaryRows => ({
  x: Float64Array.of(x),
  tx: Float64Array.of(tx),
  T: Float64Array.of(T),
  weight: Float64Array.of(1),
});

/**
 * One repeat buyer as a one-row spend table.
 *
 * @example gammaGammaLogLikelihood(params, spendRow(2, 22.35))
 */
export const spendRow = (x: number, mbar: number): SpendRows => ({
  x: Float64Array.of(x),
  mbar: Float64Array.of(mbar),
  weight: Float64Array.of(1),
});
