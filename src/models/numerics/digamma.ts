// Asymptotic series ψ(x) ~ ln x − 1/(2x) − Σ B₂ₖ/(2k x²ᵏ), coefficients B₂ₖ/(2k) for k = 1..7.
// After shifting x ≥ 10 the first omitted term is below 1e-16.
const BERN = [1 / 12, -1 / 120, 1 / 252, -1 / 240, 1 / 132, -691 / 32760, 1 / 12];

/**
 * The digamma function ψ(x) = d/dx lnΓ(x), needed for analytic likelihood gradients.
 * NaN at the poles 0, −1, −2, ….
 *
 * @example digamma(1) // -0.5772156649015329 (minus the Euler–Mascheroni constant)
 */
export function digamma(x: number): number {
  if (x <= 0) {
    if (Number.isInteger(x)) return Number.NaN;
    return digamma(1 - x) - Math.PI / Math.tan(Math.PI * x);
  }
  let acc = 0;
  // Recurrence ψ(x) = ψ(x + 1) − 1/x moves small arguments into the asymptotic range.
  while (x < 10) {
    acc -= 1 / x;
    x += 1;
  }
  const f = 1 / (x * x);
  let series = 0;
  for (let k = BERN.length - 1; k >= 0; k--) series = series * f + BERN[k]!;
  return acc + Math.log(x) - 0.5 / x - f * series;
}

/** The series part of the asymptotic expansion, Σ B₂ₖ/(2k y²ᵏ), for y ≥ 10. */
function tail(y: number): number {
  const f = 1 / (y * y);
  let series = 0;
  for (let k = BERN.length - 1; k >= 0; k--) series = series * f + BERN[k]!;
  return f * series;
}

/**
 * ψ(y + x) − ψ(y) for y > 0, x ≥ 0, accurate even when y is huge (the derivative of lnPoch):
 * a sum of 1/(y + k) for small integer x, an asymptotic difference for large y.
 *
 * @example digammaDiff(1e13, 2) // ≈ 2e-13
 */
export function digammaDiff(y: number, x: number): number {
  if (x === 0) return 0;
  if (y >= 20) return Math.log1p(x / y) + (0.5 * x) / (y * (y + x)) - (tail(y + x) - tail(y));
  if (Number.isInteger(x) && x <= 16) {
    let s = 0;
    for (let k = 0; k < x; k++) s += 1 / (y + k);
    return s;
  }
  return digamma(y + x) - digamma(y);
}
