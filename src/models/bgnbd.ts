import { digammaDiff } from './numerics/digamma.js';
import { lnPoch } from './numerics/lnPoch.js';
import { logistic } from './numerics/logaddexp.js';
import { cetFactor } from './cetFactor.js';
import { prepareSummary, type PreparedSummary } from './prepare.js';
import type { BgParams, SummaryRows } from './types.js';

/**
 * Weighted BG/NBD log-likelihood (Fader, Hardie & Lee 2005) in the stable form of MODELS.md, and
 * when `grad` is given its gradient w.r.t. (ln r, ln α, ln a, ln b), the space the optimiser works in.
 * Γ ratios are log-Pochhammers (b and a + b may be huge near the no-dropout boundary, where lnΓ
 * differences are rounding noise) evaluated once per distinct x; logs once per distinct time.
 *
 * @example bgnbdLogLikelihood({ r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, summaryRow(0, 0, 40)) // -0.59947382
 */
export function bgnbdLogLikelihood(p: BgParams, summary: SummaryRows | PreparedSummary, grad?: Float64Array): number {
  const rows = prepareSummary(summary);
  const { r, alpha, a, b } = p;
  const lnAlpha = Math.log(alpha);
  const lnA = Math.log(a);
  const { xs, times } = rows;
  // Everything that depends on one distinct x or one distinct time is computed once here; the row
  // loop below is the hot path (hundreds of thousands of rows for daily data, ~100 evaluations a fit).
  const perX = xs.map((x) => r * lnAlpha + lnPoch(r, x) + lnPoch(b, x) - lnPoch(a + b, x));
  const rX = xs.map((x) => r + x);
  const lnAB1 = xs.map((x) => (x > 0 ? lnA - Math.log(b + x - 1) : 0)); // ln a − ln(b+x−1)
  const invB1 = xs.map((x) => (x > 0 ? 1 / (b + x - 1) : 0));
  const lnAt = times.map((t) => Math.log(alpha + t));
  const invAt = times.map((t) => 1 / (alpha + t));
  const W = rows.weight, XAt = rows.xAt, TAt = rows.TAt, TxAt = rows.txAt;
  const n = W.length;
  let ll = 0, gr = 0, gAlpha = 0, ga = 0, gb = 0;
  if (!grad) {
    for (let i = 0; i < n; i++) {
      const j = XAt[i]!;
      const a3 = -rX[j]! * lnAt[TAt[i]!]!;
      if (xs[j]! === 0) {
        ll += W[i]! * (perX[j]! + a3);
        continue;
      }
      // A4 (the customer died right after the last purchase) exists only for repeat buyers.
      const a4 = lnAB1[j]! - rX[j]! * lnAt[TxAt[i]!]!;
      const lse = a3 >= a4 ? a3 + Math.log1p(Math.exp(a4 - a3)) : a4 + Math.log1p(Math.exp(a3 - a4));
      ll += W[i]! * (perX[j]! + lse);
    }
    return ll;
  }
  // ψ differences per distinct x, for the gradient.
  const dR = xs.map((x) => digammaDiff(r, x));
  const dAB = xs.map((x) => digammaDiff(a + b, x));
  const dB = xs.map((x) => digammaDiff(b, x));
  for (let i = 0; i < n; i++) {
    const w = W[i]!, j = XAt[i]!, rx = rX[j]!;
    const Ti = TAt[i]!;
    const lnT = lnAt[Ti]!;
    const a3 = -rx * lnT;
    if (xs[j]! === 0) {
      ll += w * (perX[j]! + a3);
      gr += w * (dR[j]! + lnAlpha - lnT);
      gAlpha += w * (r / alpha - rx * invAt[Ti]!);
      ga -= w * dAB[j]!;
      gb += w * (dB[j]! - dAB[j]!);
      continue;
    }
    const txi = TxAt[i]!;
    const lnTx = lnAt[txi]!;
    const a4 = lnAB1[j]! - rx * lnTx;
    // logaddexp(a3, a4) and the posterior weights w3, w4 of its two terms from one exp
    let lse: number, w3: number, w4: number;
    if (a3 >= a4) {
      const e = Math.exp(a4 - a3);
      lse = a3 + Math.log1p(e);
      w3 = 1 / (1 + e);
      w4 = e * w3;
    } else {
      const e = Math.exp(a3 - a4);
      lse = a4 + Math.log1p(e);
      w4 = 1 / (1 + e);
      w3 = e * w4;
    }
    ll += w * (perX[j]! + lse);
    gr += w * (dR[j]! + lnAlpha - w3 * lnT - w4 * lnTx);
    gAlpha += w * (r / alpha - rx * (w3 * invAt[Ti]! + w4 * invAt[txi]!));
    ga += w * (w4 / a - dAB[j]!);
    gb += w * (dB[j]! - dAB[j]! - w4 * invB1[j]!);
  }
  grad[0] = r * gr;
  grad[1] = alpha * gAlpha;
  grad[2] = a * ga;
  grad[3] = b * gb;
  return ll;
}

/** ln of P(dead)/P(alive); −∞ for one-time buyers, whom the BG/NBD cannot see die. */
function deathLogOdds(p: BgParams, x: number, tx: number, T: number): number {
  if (x === 0) return Number.NEGATIVE_INFINITY;
  return Math.log(p.a) - Math.log(p.b + x - 1) + (p.r + x) * Math.log1p((T - tx) / (p.alpha + tx));
}

/**
 * P(alive at T | x, t_x, T), as a logistic of the log-odds so heavy buyers neither overflow nor
 * round to exactly 0 or 1 early. Always 1 for x = 0 (a property of the model, see MBG/NBD).
 *
 * @example bgnbdPAlive({ r: 0.242594, alpha: 4.413602, a: 0.792922, b: 2.425907 }, 26, 30.857143, 31) // 0.9688523
 */
export const bgnbdPAlive = (p: BgParams, x: number, tx: number, T: number): number =>
  logistic(-deathLogOdds(p, x, tx, T));

/**
 * Conditional expected purchases in (T, T + t] (CET): P(alive)·(a+b+x−1)/(a−1)·[1 − ((α+T)/(α+T+t))^(r+x)
 * ·2F1(r+x, b+x; a+b+x−1; t/(α+T+t))], evaluated by cetFactor (Euler-transformed) so it stays
 * finite for x in the hundreds, at a = 1, and when the 2F1 is negative.
 *
 * @example bgnbdCet({ r: 0.242594, alpha: 4.413602, a: 0.792922, b: 2.425907 }, 26, 30.857143, 31, 52) // 25.75659
 */
export function bgnbdCet(p: BgParams, x: number, tx: number, T: number, t: number): number {
  if (!(t > 0)) return 0;
  const { r, alpha, a, b } = p;
  return bgnbdPAlive(p, x, tx, T) * cetFactor(r + x, b + x, a + b + x - 1, a - 1, alpha + T, t);
}

/**
 * Expected purchases in (0, t] of a customer just acquired: the CET of x = t_x = T = 0.
 *
 * @example bgnbdExpected({ r: 0.242594, alpha: 4.413602, a: 0.792922, b: 2.425907 }, 52) // 1.444004
 */
export const bgnbdExpected = (p: BgParams, t: number): number => bgnbdCet(p, 0, 0, 0, t);

/**
 * P(no purchase in (T, T + h]) = P(dead) + P(alive)·((α+T)/(α+T+h))^(r+x): a dead customer never
 * buys, a living one is a Poisson process with posterior Gamma(r + x, α + T) rate.
 *
 * @example bgnbdNoPurchase({ r: 0.242594, alpha: 4.413602, a: 0.792922, b: 2.425907 }, 2, 30.43, 38.86, 13) // churn risk over the next quarter
 */
export function bgnbdNoPurchase(p: BgParams, x: number, tx: number, T: number, h: number): number {
  // 1 − P(alive)·P(some purchase | alive): both factors lie in [0, 1], so the result does too
  // (summing the two branches can round to 1 + 2e-16).
  const buys = -Math.expm1(-(p.r + x) * Math.log1p(h / (p.alpha + T)));
  return 1 - logistic(-deathLogOdds(p, x, tx, T)) * buys;
}
