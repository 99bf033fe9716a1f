// Lanczos approximation, g = 7, n = 9 (Godfrey's coefficients): relative error of Γ about 1e-15
// for positive arguments, so lnΓ is accurate to ~1e-15 absolute everywhere and ~1e-14 relative
// away from its zeros at 1 and 2.
const G = 7;
const COEF = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_2PI = 0.91893853320467274178;

/**
 * ln|Γ(x)| for real x (NaN at the poles 0, −1, −2, …). Likelihoods use it so that Γ(r + x) or
 * Γ(b + x) for heavy buyers never overflow: they only ever appear as differences of logs.
 *
 * @example lgamma(10) // 12.801827480081469 (= ln 9!)
 */
export function lgamma(x: number): number {
  if (x < 0.5) {
    if (Number.isInteger(x)) return Number.NaN;
    // Reflection Γ(x)Γ(1−x) = π / sin(πx) keeps tiny shape parameters (r, a → 0) accurate.
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  }
  const z = x - 1;
  let sum = COEF[0]!;
  for (let i = 1; i < COEF.length; i++) sum += COEF[i]! / (z + i);
  const t = z + G + 0.5;
  return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}
