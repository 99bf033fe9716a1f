import { digammaDiff } from './numerics/digamma.js';
import { lnPoch } from './numerics/lnPoch.js';
import { logistic, softplus } from './numerics/logaddexp.js';
import { cetFactor } from './cetFactor.js';
import { prepareSummary, type PreparedSummary } from './prepare.js';
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
 * its gradient w.r.t. (ln r, ln α, ln a, ln b). Like the BG/NBD's: log-Pochhammers once per
 * distinct x, logs once per distinct time.
 *
 * @example mbgnbdLogLikelihood({ r: 0.525, alpha: 6.18, a: 0.891, b: 1.614 }, summaryRow(2, 30.43, 38.86))
 */
export function mbgnbdLogLikelihood(p: BgParams, summary: SummaryRows | PreparedSummary, grad?: Float64Array): number {
  const rows = prepareSummary(summary);
  const { r, alpha, a, b } = p;
  const lnAlpha = Math.log(alpha);
  const lnA = Math.log(a);
  const { xs, times } = rows;
  const perX = xs.map((x) => r * lnAlpha + lnPoch(r, x) + lnPoch(b, x + 1) - lnPoch(a + b, x + 1));
  const lnBX = xs.map((x) => Math.log(b + x));
  const lnAt = times.map((t) => Math.log(alpha + t));
  let ll = 0, gr = 0, gAlpha = 0, ga = 0, gb = 0;
  // ψ differences per distinct x, needed only for the gradient (placeholders otherwise).
  const dR = grad ? xs.map((x) => digammaDiff(r, x)) : xs;
  const dAB = grad ? xs.map((x) => digammaDiff(a + b, x + 1)) : xs;
  const dB = grad ? xs.map((x) => digammaDiff(b, x + 1)) : xs;
  for (let i = 0; i < rows.x.length; i++) {
    const w = rows.weight[i]!, j = rows.xAt[i]!, x = xs[j]!;
    const lnT = lnAt[rows.TAt[i]!]!;
    const gap = lnT - lnAt[rows.txAt[i]!]!; // ln((α+T)/(α+t_x))
    const lo = lnA - lnBX[j]! + (r + x) * gap; // log-odds of having dropped out
    ll += w * (perX[j]! - (r + x) * lnT + softplus(lo));
    if (!grad) continue;
    const dead = logistic(lo);
    gr += w * (dR[j]! + lnAlpha - lnT + dead * gap);
    gAlpha += w * (r / alpha - (r + x) / (alpha + rows.T[i]!) + dead * (r + x) * (1 / (alpha + rows.T[i]!) - 1 / (alpha + rows.tx[i]!)));
    ga += w * (dead / a - dAB[j]!);
    gb += w * (dB[j]! - dAB[j]! - dead / (b + x));
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
  // 1 − P(alive)·P(some purchase | alive): both factors lie in [0, 1], so the result does too
  // (summing the two branches can round to 1 + 2e-16).
  const buys = -Math.expm1(-(p.r + x) * Math.log1p(h / (p.alpha + T)));
  return 1 - logistic(-deathLogOdds(p, x, tx, T)) * buys;
}
