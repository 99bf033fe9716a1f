// Past this many terms the rest is added as a geometric tail (the ratios stay below z).
const MAX_TERMS = 200_000;
const REL_TOL = 1e-16;

/** 2F1(1, b; c; z) and its log-derivatives in b, c and z. */
export interface UnitSeries {
  value: number;
  /** ∂ ln G / ∂b */
  dB: number;
  /** ∂ ln G / ∂c */
  dC: number;
  /** ∂ ln G / ∂z */
  dZ: number;
}

/**
 * G(b, c; z) = 2F1(1, b; c; z) = Σₙ (b)ₙ zⁿ / (c)ₙ for c ≥ b > 0 and 0 ≤ z < 1, with the
 * log-derivatives in b, c and z summed along the same series (∂tₙ/∂b = tₙ Σ_{k<n} 1/(b+k), …).
 * Under c ≥ b every term ratio (b+n)z/(c+n) is at most z, so the terms only fall, G ≤ 1/(1−z),
 * nothing overflows, and the remainder after term tₙ is at most tₙ·z/(1−z): the series stops once
 * that is negligible. This is the form both Pareto/NBD branches take after Euler's transformation.
 *
 * @example hyp2f1Unit(1, 2, 0.5).value // 2F1(1, 1; 2; ½) = 2 ln 2 = 1.3862943611198906
 */
export function hyp2f1Unit(b: number, c: number, z: number, derivatives = true): UnitSeries {
  if (!(z >= 0 && z < 1 && b > 0 && c >= b)) return { value: Number.NaN, dB: Number.NaN, dC: Number.NaN, dZ: Number.NaN };
  let term = 1, sum = 1, sB = 0, sC = 0, sZ = 0, hB = 0, hC = 0;
  const tailFactor = z / (1 - z);
  for (let n = 0; n < MAX_TERMS; n++) {
    const bn = b + n, cn = c + n;
    term *= (bn * z) / cn;
    sum += term;
    if (derivatives) {
      hB += 1 / bn;
      hC += 1 / cn;
      sB += term * hB;
      sC += term * hC;
      sZ += term * (n + 1);
    }
    if (term * tailFactor <= REL_TOL * sum) break;
  }
  const dZ = z > 0 ? sZ / (z * sum) : b / c; // at z = 0: G'(0) = b/c
  return { value: sum, dB: sB / sum, dC: -sC / sum, dZ };
}
