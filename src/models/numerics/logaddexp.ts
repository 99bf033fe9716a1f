/**
 * ln(eᵃ + eᵇ) without overflow; −∞ terms drop out, so a likelihood term that is absent for
 * one-time buyers (A4 of the BG/NBD) can be passed as −Infinity.
 *
 * @example logaddexp(Math.log(2), Math.log(3)) // Math.log(5)
 */
export function logaddexp(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/**
 * ln(1 + eˣ) without overflow for large x or loss of precision for very negative x.
 *
 * @example softplus(0) // Math.LN2
 */
export const softplus = (x: number): number => (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x)));

/**
 * 1 / (1 + e⁻ˣ): a probability from its log-odds, exact at both tails (never 1 − tiny rounding).
 *
 * @example logistic(0) // 0.5
 */
export function logistic(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}
