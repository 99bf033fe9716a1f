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
 * Pareto/NBD: purchase rate λ ~ Gamma(r, α) and dropout rate μ ~ Gamma(s, β), both per time unit;
 * a customer can drop out at any moment, also before a repeat purchase.
 */
export interface ParetoParams {
  r: number;
  alpha: number;
  s: number;
  beta: number;
}

/**
 * A fitted purchase/dropout model. `nbd` is the limit a → 0 or b → ∞ of both BG models: no
 * dropout, so P(alive) = 1 (also the s → 0 / β → ∞ limit of the Pareto/NBD) and the expected purchase count grows linearly.
 */
export type ChurnModel =
  | ({ kind: 'bgnbd' } & BgParams)
  | ({ kind: 'mbgnbd' } & BgParams)
  | ({ kind: 'pnbd' } & ParetoParams)
  | { kind: 'nbd'; r: number; alpha: number };

/** The kinds of churn model that can be fitted directly. */
export type ChurnKind = 'bgnbd' | 'mbgnbd' | 'pnbd';

/** Every kind that can be fitted, in the order fits and selection list them. */
export const CHURN_KINDS: readonly ChurnKind[] = ['bgnbd', 'mbgnbd', 'pnbd'];

/** Gamma-Gamma spend model: shape p of spend per order, shape q > 1 and scale γ of its rate. */
export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}
