import { digammaDiff } from './numerics/digamma.js';
import { lnPoch } from './numerics/lnPoch.js';
import { prepareSummary, type PreparedSummary } from './prepare.js';
import type { SummaryRows } from './types.js';

/** Purchase-rate parameters of the NBD: λ ~ Gamma(r, α), no dropout. */
export interface NbdParams {
  r: number;
  alpha: number;
}

/**
 * Weighted NBD log-likelihood of purchase timings, the a → 0 / b → ∞ limit of both BG models
 * (same time-unit convention, so the values compare), with gradient w.r.t. (ln r, ln α).
 *
 * @example nbdLogLikelihood({ r: 0.25, alpha: 4 }, summaryRow(0, 0, 40))
 */
export function nbdLogLikelihood(p: NbdParams, summary: SummaryRows | PreparedSummary, grad?: Float64Array): number {
  const rows = prepareSummary(summary);
  const { r, alpha } = p;
  const lnAlpha = Math.log(alpha);
  const perX = rows.xs.map((x) => r * lnAlpha + lnPoch(r, x));
  const dR = grad ? rows.xs.map((x) => digammaDiff(r, x)) : rows.xs;
  const lnAt = rows.times.map((t) => Math.log(alpha + t));
  let ll = 0, gr = 0, gAlpha = 0;
  for (let i = 0; i < rows.x.length; i++) {
    const w = rows.weight[i]!, j = rows.xAt[i]!, x = rows.xs[j]!;
    const lnT = lnAt[rows.TAt[i]!]!;
    ll += w * (perX[j]! - (r + x) * lnT);
    if (!grad) continue;
    gr += w * (dR[j]! + lnAlpha - lnT);
    gAlpha += w * (r / alpha - (r + x) / (alpha + rows.T[i]!));
  }
  if (grad) {
    grad[0] = r * gr;
    grad[1] = alpha * gAlpha;
  }
  return ll;
}

/**
 * NBD conditional expected purchases in (T, T + t]: the posterior mean rate (r+x)/(α+T) times t.
 *
 * @example nbdCet({ r: 0.25, alpha: 4 }, 2, 30, 40, 52) // 2.25/44·52
 */
export const nbdCet = (p: NbdParams, x: number, T: number, t: number): number =>
  t > 0 ? ((p.r + x) / (p.alpha + T)) * t : 0;

/**
 * P(no purchase in (T, T + h]) = ((α+T)/(α+T+h))^(r+x): nobody is dead, so only chance is left.
 *
 * @example nbdNoPurchase({ r: 0.25, alpha: 4 }, 0, 40, 13)
 */
export const nbdNoPurchase = (p: NbdParams, x: number, T: number, h: number): number =>
  Math.exp(-(p.r + x) * Math.log1p(h / (p.alpha + T)));
