import { digammaDiff } from './numerics/digamma.js';
import { lnPoch } from './numerics/lnPoch.js';
import { logistic, softplus } from './numerics/logaddexp.js';
import { cetFactor } from './cetFactor.js';
import type { BgParams, SummaryRows } from './types.js';

/**
 * ln of P(dead)/P(alive) = ln[a/(b+x)·((α+T)/(α+t_x))^(r+x)]. Finite for one-time buyers too:
 * the MBG/NBD lets a customer drop out right after the first purchase.
 */
function deathLogOdds(p: BgParams, x: number, tx: number, T: number): number {
  return Math.log(p.a) - Math.log(p.b + x) + (p.r + x) * Math.log1p((T - tx) / (p.alpha + tx));
}

/**
 * Weighted MBG/NBD log-likelihood (Batislam, Denizel & Filiztekin 2007) and, when `grad` is given,
 * its gradient w.r.t. (ln r, ln α, ln a, ln b).
 *
 * @example mbgnbdLogLikelihood({ r: 0.525, alpha: 6.18, a: 0.891, b: 1.614 }, summaryRow(2, 30.43, 38.86))
 */
export function mbgnbdLogLikelihood(p: BgParams, rows: SummaryRows, grad?: Float64Array): number {
  const { r, alpha, a, b } = p;
  const lnAlpha = Math.log(alpha);
  const base = r * lnAlpha;
  let ll = 0, gr = 0, gAlpha = 0, ga = 0, gb = 0;
  for (let i = 0; i < rows.x.length; i++) {
    const w = rows.weight[i]!, x = rows.x[i]!, tx = rows.tx[i]!, T = rows.T[i]!;
    const lnT = Math.log(alpha + T);
    const lo = deathLogOdds(p, x, tx, T);
    // Ratios of Γ as log-Pochhammers: b and a + b may be huge near the no-dropout boundary.
    ll += w * (base + lnPoch(r, x) + lnPoch(b, x + 1) - lnPoch(a + b, x + 1) - (r + x) * lnT + softplus(lo));
    if (!grad) continue;
    const dead = logistic(lo);
    const dAB = digammaDiff(a + b, x + 1);
    gr += w * (digammaDiff(r, x) + lnAlpha - lnT + dead * Math.log1p((T - tx) / (alpha + tx)));
    gAlpha += w * (r / alpha - (r + x) / (alpha + T) + dead * (r + x) * (1 / (alpha + T) - 1 / (alpha + tx)));
    ga += w * (dead / a - dAB);
    gb += w * (digammaDiff(b, x + 1) - dAB - dead / (b + x));
  }
  if (grad) {
    grad[0] = r * gr;
    grad[1] = alpha * gAlpha;
    grad[2] = a * ga;
    grad[3] = b * gb;
  }
  return ll;
}

/**
 * P(alive at T | x, t_x, T) under the MBG/NBD, below 1 for one-time buyers (who then rank as
 * riskier the longer ago they bought, unlike under the BG/NBD).
 *
 * @example mbgnbdPAlive({ r: 0.525, alpha: 6.18, a: 0.891, b: 1.614 }, 0, 0, 38.86) // ≈ 0.39: a one-time buyer can already have dropped out
 */
export const mbgnbdPAlive = (p: BgParams, x: number, tx: number, T: number): number =>
  logistic(-deathLogOdds(p, x, tx, T));

/**
 * MBG/NBD conditional expected purchases in (T, T + t]: P(alive)·(a+b+x)/(a−1)·[1 − ((α+T)/(α+T+t))^(r+x)
 * ·2F1(r+x, b+x+1; a+b+x; z)], evaluated by cetFactor like the BG/NBD's.
 *
 * @example mbgnbdCet({ r: 0.525, alpha: 6.18, a: 0.891, b: 1.614 }, 2, 30.43, 38.86, 39)
 */
export function mbgnbdCet(p: BgParams, x: number, tx: number, T: number, t: number): number {
  if (!(t > 0)) return 0;
  const { r, alpha, a, b } = p;
  return mbgnbdPAlive(p, x, tx, T) * cetFactor(r + x, b + x + 1, a + b + x, a - 1, alpha + T, t);
}

/**
 * Expected purchases in (0, t] of a new customer: b/(a−1)·[1 − (α/(α+t))^r·2F1(r, b+1; a+b; t/(α+t))],
 * i.e. the CET at x = t_x = T = 0 (which includes the chance of dropping out at once).
 *
 * @example mbgnbdExpected({ r: 0.525, alpha: 6.18, a: 0.891, b: 1.614 }, 52)
 */
export const mbgnbdExpected = (p: BgParams, t: number): number => mbgnbdCet(p, 0, 0, 0, t);

/**
 * P(no purchase in (T, T + h]) = P(dead) + P(alive)·((α+T)/(α+T+h))^(r+x).
 *
 * @example mbgnbdNoPurchase({ r: 0.525, alpha: 6.18, a: 0.891, b: 1.614 }, 0, 0, 38.86, 13)
 */
export function mbgnbdNoPurchase(p: BgParams, x: number, tx: number, T: number, h: number): number {
  const lo = deathLogOdds(p, x, tx, T);
  return logistic(lo) + logistic(-lo) * Math.exp(-(p.r + x) * Math.log1p(h / (p.alpha + T)));
}
