import { digammaDiff } from './numerics/digamma.js';
import { lgamma } from './numerics/lgamma.js';
import { lnPoch } from './numerics/lnPoch.js';
import { prepareSpend, type PreparedSpend } from './prepare.js';
import type { GammaGammaParams, SpendRows } from './types.js';

/**
 * Weighted Gamma-Gamma log-likelihood of repeat buyers' mean spend (Fader, Hardie & Lee 2005b),
 * and when `grad` is given its gradient w.r.t. (ln p, ln(q − 1), ln γ): q = 1 + e^θ keeps the
 * population mean spend pγ/(q − 1) positive and finite at every point the optimiser can reach.
 * Rows must have x > 0 and m̄ > 0. Γ terms are evaluated once per distinct x.
 *
 * @example gammaGammaLogLikelihood({ p: 6.25, q: 3.74, gamma: 15.44 }, spendRow(2, 22.35))
 */
export function gammaGammaLogLikelihood(p: GammaGammaParams, spend: SpendRows | PreparedSpend, grad?: Float64Array): number {
  const rows = prepareSpend(spend);
  const { p: shape, q, gamma } = p;
  const lnGamma = Math.log(gamma);
  const { xs } = rows;
  const lnX = xs.map(Math.log);
  const perX = xs.map((x, j) => q * lnGamma + lnPoch(q, shape * x) - lgamma(shape * x) + shape * x * lnX[j]!);
  const dPX = grad ? xs.map((x) => digammaDiff(shape * x, q)) : xs; // ψ(px + q) − ψ(px)
  const dQ = grad ? xs.map((x) => digammaDiff(q, shape * x)) : xs; // ψ(px + q) − ψ(q)
  let ll = 0, gp = 0, gq = 0, gg = 0;
  for (let i = 0; i < rows.x.length; i++) {
    const w = rows.weight[i]!, j = rows.xAt[i]!, x = xs[j]!, m = rows.mbar[i]!, lnM = rows.lnM[i]!;
    const px = shape * x;
    const lnS = Math.log(gamma + x * m);
    ll += w * (perX[j]! + (px - 1) * lnM - (px + q) * lnS);
    if (!grad) continue;
    gp += w * x * (dPX[j]! + lnM + lnX[j]! - lnS);
    gq += w * (dQ[j]! + lnGamma - lnS);
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
