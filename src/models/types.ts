/**
 * Per-customer purchase summaries as parallel columns in the model's time unit: x repeat
 * purchases, t_x time of the last purchase and T age, both measured from the first purchase.
 * `weight` counts identical customers collapsed into one row (1 for raw customers).
 */
export interface SummaryRows {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  weight: Float64Array;
}

/** Repeat buyers' spend summaries for the Gamma-Gamma model: x and mean spend m̄ per repeat. */
export interface SpendRows {
  x: Float64Array;
  mbar: Float64Array;
  weight: Float64Array;
}

/** Shape r and scale α of the purchase rate, shape parameters a and b of the dropout probability. */
export interface BgParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/**
 * A fitted purchase/dropout model. `nbd` is the limit a → 0 or b → ∞ of both BG models: no
 * dropout, so P(alive) = 1 and the expected purchase count grows linearly.
 */
export type ChurnModel =
  | ({ kind: 'bgnbd' } & BgParams)
  | ({ kind: 'mbgnbd' } & BgParams)
  | { kind: 'nbd'; r: number; alpha: number };

/** The kinds of churn model that can be fitted directly. */
export type ChurnKind = 'bgnbd' | 'mbgnbd';

/** Gamma-Gamma spend model: shape p of spend per order, shape q > 1 and scale γ of its rate. */
export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}
