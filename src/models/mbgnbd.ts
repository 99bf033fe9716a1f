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
  // Per distinct x and per distinct time once; the row loop below is the hot path.
  const perX = xs.map((x) => r * lnAlpha + lnPoch(r, x) + lnPoch(b, x + 1) - lnPoch(a + b, x + 1));
  const rX = xs.map((x) => r + x);
  const lnABX = xs.map((x) => lnA - Math.log(b + x)); // ln a − ln(b+x)
  const invBX = xs.map((x) => 1 / (b + x));
  const lnAt = times.map((t) => Math.log(alpha + t));
  const invAt = times.map((t) => 1 / (alpha + t));
  const W = rows.weight, XAt = rows.xAt, TAt = rows.TAt, TxAt = rows.txAt;
  const n = W.length;
  let ll = 0, gr = 0, gAlpha = 0, ga = 0, gb = 0;
  if (!grad) {
    for (let i = 0; i < n; i++) {
      const j = XAt[i]!, rx = rX[j]!;
      const lnT = lnAt[TAt[i]!]!;
      const lo = lnABX[j]! + rx * (lnT - lnAt[TxAt[i]!]!); // log-odds of having dropped out
      ll += W[i]! * (perX[j]! - rx * lnT + softplus(lo));
    }
    return ll;
  }
  // ψ differences per distinct x, for the gradient.
  const dR = xs.map((x) => digammaDiff(r, x));
  const dAB = xs.map((x) => digammaDiff(a + b, x + 1));
  const dB = xs.map((x) => digammaDiff(b, x + 1));
  for (let i = 0; i < n; i++) {
    const w = W[i]!, j = XAt[i]!, rx = rX[j]!;
    const Ti = TAt[i]!, txi = TxAt[i]!;
    const lnT = lnAt[Ti]!;
    const gap = lnT - lnAt[txi]!; // ln((α+T)/(α+t_x))
    const lo = lnABX[j]! + rx * gap;
    // softplus(lo) and logistic(lo) from one exp
    let sp: number, dead: number;
    if (lo > 0) {
      const e = Math.exp(-lo);
      sp = lo + Math.log1p(e);
      dead = 1 / (1 + e);
    } else {
      const e = Math.exp(lo);
      sp = Math.log1p(e);
      dead = e / (1 + e);
    }
    ll += w * (perX[j]! - rx * lnT + sp);
    const invT = invAt[Ti]!;
    gr += w * (dR[j]! + lnAlpha - lnT + dead * gap);
    gAlpha += w * (r / alpha - rx * invT + dead * rx * (invT - invAt[txi]!));
    ga += w * (dead / a - dAB[j]!);
    gb += w * (dB[j]! - dAB[j]! - dead * invBX[j]!);
  }
  grad[0] = r * gr;
  grad[1] = alpha * gAlpha;
  grad[2] = a * ga;
  grad[3] = b * gb;
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
