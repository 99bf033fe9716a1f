import { digammaDiff } from './numerics/digamma.js';
import { lnPoch } from './numerics/lnPoch.js';
import { logaddexp, logistic } from './numerics/logaddexp.js';
import { cetFactor } from './cetFactor.js';
import type { BgParams, SummaryRows } from './types.js';

/**
 * Weighted BG/NBD log-likelihood (Fader, Hardie & Lee 2005) in the stable form of MODELS.md, and
 * when `grad` is given its gradient w.r.t. (ln r, ln α, ln a, ln b), the space the optimiser works in.
 *
 * @example bgnbdLogLikelihood({ r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, summaryRow(0, 0, 40)) // -0.59947382
 */
export function bgnbdLogLikelihood(p: BgParams, rows: SummaryRows, grad?: Float64Array): number {
  const { r, alpha, a, b } = p;
  const lnAlpha = Math.log(alpha);
  const lnA = Math.log(a);
  const base = r * lnAlpha;
  let ll = 0, gr = 0, gAlpha = 0, ga = 0, gb = 0;
  for (let i = 0; i < rows.x.length; i++) {
    const w = rows.weight[i]!, x = rows.x[i]!, T = rows.T[i]!;
    const lnT = Math.log(alpha + T);
    const a3 = -(r + x) * lnT;
    // A4 (the customer died right after the last purchase) exists only for repeat buyers.
    let a4 = Number.NEGATIVE_INFINITY;
    let lnTx = 0;
    if (x > 0) {
      lnTx = Math.log(alpha + rows.tx[i]!);
      a4 = lnA - Math.log(b + x - 1) - (r + x) * lnTx;
    }
    const lse = logaddexp(a3, a4);
    // Ratios of Γ as log-Pochhammers: b and a + b may be huge near the no-dropout boundary.
    ll += w * (base + lnPoch(r, x) + lnPoch(b, x) - lnPoch(a + b, x) + lse);
    if (!grad) continue;
    const w3 = Math.exp(a3 - lse);
    const w4 = x > 0 ? Math.exp(a4 - lse) : 0;
    const dAB = digammaDiff(a + b, x);
    gr += w * (digammaDiff(r, x) + lnAlpha - w3 * lnT - w4 * lnTx);
    gAlpha += w * (r / alpha - (r + x) * (w3 / (alpha + T) + (x > 0 ? w4 / (alpha + rows.tx[i]!) : 0)));
    ga += w * (w4 / a - dAB);
    gb += w * (digammaDiff(b, x) - dAB - (x > 0 ? w4 / (b + x - 1) : 0));
  }
  if (grad) {
    grad[0] = r * gr;
    grad[1] = alpha * gAlpha;
    grad[2] = a * ga;
    grad[3] = b * gb;
  }
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
  const lo = deathLogOdds(p, x, tx, T);
  return logistic(lo) + logistic(-lo) * Math.exp(-(p.r + x) * Math.log1p(h / (p.alpha + T)));
}
