// Iteration cap: the series converges like zⁿ, so z = 0.9999 needs ~4e5 terms; past the cap the
// rest is estimated as a geometric tail rather than failing (CET's z = t/(α+T+t) stays far below).
const MAX_TERMS = 1_000_000;
const REL_TOL = 1e-16;
// Terms beyond this are rescaled: heavy buyers' series pass through values like 1e400 on the way.
const BIG = 1e200;
const LN_BIG = Math.log(BIG);

/** A value too large for a double, as mantissa·e^logScale. */
export interface Scaled {
  mantissa: number;
  logScale: number;
}

/** mantissa·e^logScale as a plain number (±Infinity or 0 when it does not fit). */
export const unscale = (v: Scaled): number => (v.logScale === 0 ? v.mantissa : v.mantissa * Math.exp(v.logScale));

/**
 * Sum Σₙ≥ₙ₀ tₙ where tₙ₊₁ = tₙ·(a+n)(b+n)z / ((c+n)(n+1)), starting from t_{n0} = first.
 * Stops once the remaining tail, bounded as geometric with ratio ρ = max(|ratio|, z) (the ratios
 * tend to z), is negligible relative to the sum; rescales instead of overflowing. Throws
 * RangeError at a pole (c + n = 0 with a nonzero term).
 */
function series(first: number, n0: number, a: number, b: number, c: number, z: number): Scaled {
  let term = first;
  let sum = first;
  let logScale = 0;
  let rho = 0;
  for (let n = n0; n < n0 + MAX_TERMS; n++) {
    if (term === 0) return { mantissa: sum, logScale }; // a or b a non-positive integer: the series ended
    const denom = (c + n) * (n + 1);
    if (denom === 0) throw new RangeError(`2F1 pole: c + ${n} = 0 (c = ${c}) with a nonzero term`);
    const ratio = ((a + n) * (b + n) * z) / denom;
    term *= ratio;
    sum += term;
    if (Math.abs(term) > BIG) {
      term /= BIG;
      sum /= BIG;
      logScale += LN_BIG;
    }
    rho = Math.max(Math.abs(ratio), z);
    if (rho < 1 && (Math.abs(term) * rho) / (1 - rho) <= REL_TOL * Math.abs(sum)) return { mantissa: sum, logScale };
  }
  return { mantissa: rho < 1 ? sum + (term * rho) / (1 - rho) : sum, logScale };
}

/**
 * 2F1(a, b; c; z) (from = 0) or the scaled tail (c/b)·(2F1 − 1) (from = 1, see hyp2f1Scaled) as
 * mantissa·e^logScale, for callers that multiply it by a tiny prefactor in log space.
 *
 * @example unscale(hyp2f1Terms(1, 1, 2, 0.5, 0)) // 1.3862943611198906
 */
export function hyp2f1Terms(a: number, b: number, c: number, z: number, from: 0 | 1): Scaled {
  if (!(z >= 0 && z < 1)) return { mantissa: Number.NaN, logScale: 0 };
  // For from = 1 the first term (a)₁(b)₁z/((c)₁·1!) times c/b is a·z; later ratios are 2F1's own.
  return from === 0 ? series(1, 0, a, b, c, z) : series(a * z, 1, a, b, c, z);
}

/**
 * Gauss hypergeometric 2F1(a, b; c; z) for 0 ≤ z < 1 as a power series, terms by their ratio.
 * May be negative (e.g. c < 0): callers must never take its log. Throws RangeError when c is a
 * non-positive integer the series reaches (a pole), NaN outside 0 ≤ z < 1.
 *
 * @example hyp2f1(1, 1, 2, 0.5) // 2·ln 2 = 1.3862943611198906 (−ln(1−z)/z)
 */
export const hyp2f1 = (a: number, b: number, c: number, z: number): number => unscale(hyp2f1Terms(a, b, c, z, 0));

/**
 * (c/b)·(2F1(a, b; c; z) − 1), continuous through b = 0 and c = 0 where the plain form is 0/0
 * or a pole. The Euler-transformed CET of the BG/NBD family is built from it: with b = a_model − 1
 * it removes the a = 1 singularity, and with c = a+b+x−1 it lets one-time buyers have a+b < 1.
 * Poles remain only at c = −1, −2, … (never reached by the models, where c > −1).
 *
 * @example hyp2f1Scaled(1, 1, 2, 0.5) // 2·(2 ln 2 − 1) = 0.7725887222397811
 */
export const hyp2f1Scaled = (a: number, b: number, c: number, z: number): number =>
  unscale(hyp2f1Terms(a, b, c, z, 1));
