import { digammaDiff } from './numerics/digamma.js';
import { lgamma } from './numerics/lgamma.js';
import { lnPoch } from './numerics/lnPoch.js';
import type { GammaGammaParams, SpendRows } from './types.js';

/**
 * Weighted Gamma-Gamma log-likelihood of repeat buyers' mean spend (Fader, Hardie & Lee 2005b),
 * and when `grad` is given its gradient w.r.t. (ln p, ln(q − 1), ln γ): q = 1 + e^θ keeps the
 * population mean spend pγ/(q − 1) positive and finite at every point the optimiser can reach.
 * Rows must have x > 0 and m̄ > 0.
 *
 * @example gammaGammaLogLikelihood({ p: 6.25, q: 3.74, gamma: 15.44 }, spendRow(2, 22.35))
 */
export function gammaGammaLogLikelihood(p: GammaGammaParams, rows: SpendRows, grad?: Float64Array): number {
  const { p: shape, q, gamma } = p;
  const lnGamma = Math.log(gamma);
  const base = q * lnGamma;
  let ll = 0, gp = 0, gq = 0, gg = 0;
  for (let i = 0; i < rows.x.length; i++) {
    const w = rows.weight[i]!, x = rows.x[i]!, m = rows.mbar[i]!;
    const px = shape * x;
    const lnM = Math.log(m), lnX = Math.log(x), lnS = Math.log(gamma + x * m);
    ll += w * (base + lnPoch(q, px) - lgamma(px) + (px - 1) * lnM + px * lnX - (px + q) * lnS);
    if (!grad) continue;
    gp += w * x * (digammaDiff(px, q) + lnM + lnX - lnS);
    gq += w * (digammaDiff(q, px) + lnGamma - lnS);
    gg += w * (q / gamma - (px + q) / (gamma + x * m));
  }
  if (grad) {
    grad[0] = shape * gp;
    grad[1] = (q - 1) * gq;
    grad[2] = gamma * gg;
  }
  return ll;
}

/**
 * E[spend per order | x, m̄] = p(γ + x·m̄)/(px + q − 1), the population mean pγ/(q − 1) for x = 0.
 * A repeat buyer whose returns make m̄ ≤ 0 is taken at the m̄ → 0⁺ limit, so the answer stays
 * positive and shrinks with their order count instead of going negative.
 *
 * @example conditionalExpectedSpend({ p: 6.24957, q: 3.74422, gamma: 15.44352 }, 2, 22.35) // 24.66
 */
export function conditionalExpectedSpend(p: GammaGammaParams, x: number, mbar: number): number {
  const m = x > 0 && mbar > 0 ? mbar : 0;
  return (p.p * (p.gamma + x * m)) / (p.p * x + p.q - 1);
}
