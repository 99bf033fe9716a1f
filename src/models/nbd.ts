import { digammaDiff } from './numerics/digamma.js';
import { lnPoch } from './numerics/lnPoch.js';
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
export function nbdLogLikelihood(p: NbdParams, rows: SummaryRows, grad?: Float64Array): number {
  const { r, alpha } = p;
  const base = r * Math.log(alpha);
  let ll = 0, gr = 0, gAlpha = 0;
  for (let i = 0; i < rows.x.length; i++) {
    const w = rows.weight[i]!, x = rows.x[i]!, T = rows.T[i]!;
    const lnT = Math.log(alpha + T);
    ll += w * (base + lnPoch(r, x) - (r + x) * lnT);
    if (!grad) continue;
    gr += w * (digammaDiff(r, x) + Math.log(alpha) - lnT);
    gAlpha += w * (r / alpha - (r + x) / (alpha + T));
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
