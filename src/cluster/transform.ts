/**
 * How a raw feature is reshaped before standardising. Customer metrics are heavily right-skewed
 * (a few customers order 100× more than most), so counts and amounts go through log1p; monetary
 * can be ≤ 0 after returns, so it takes the signed log sign(x)·log1p(|x|), which is log1p for
 * x ≥ 0 and odd-symmetric below. `none` suits bounded features such as a return rate.
 */
export type Transform = 'log1p' | 'signedLog1p' | 'none';

/** Transforms of the features the customer summary provides; any other feature must name one. */
export const DEFAULT_TRANSFORMS: Readonly<Record<string, Transform>> = {
  recency_days: 'log1p',
  frequency: 'log1p',
  monetary: 'signedLog1p',
  tenure_days: 'log1p',
  avg_order_value: 'signedLog1p',
  return_rate: 'none',
};

/**
 * Apply a transform to one raw value (NaN for log1p of a value ≤ -1: the caller reports it).
 *
 * @example forward('signedLog1p', -Math.E + 1) // -1
 */
export function forward(transform: Transform, x: number): number {
  switch (transform) {
    case 'log1p':
      return x > -1 ? Math.log1p(x) : Number.NaN;
    case 'signedLog1p':
      return x < 0 ? -Math.log1p(-x) : Math.log1p(x);
    case 'none':
      return x;
    default:
      throw new Error(`unknown transform ${String(transform satisfies never)}`);
  }
}

/**
 * Undo a transform: maps a centre found in transformed space back to original units.
 *
 * @example inverse('log1p', forward('log1p', 30)) // 30 (to rounding)
 */
export function inverse(transform: Transform, y: number): number {
  switch (transform) {
    case 'log1p':
      return Math.expm1(y);
    case 'signedLog1p':
      return y < 0 ? -Math.expm1(-y) : Math.expm1(y);
    case 'none':
      return y;
    default:
      throw new Error(`unknown transform ${String(transform satisfies never)}`);
  }
}
