import { pnbdSilence } from './pnbd.js';
import type { ChurnModel, ParetoParams } from './types.js';

/** Bisection steps of the Pareto/NBD median wait: the bracket [0, maxWait] shrinks 2^-12 (< ½ day over a year). */
const BISECTIONS = 12;

/**
 * The median wait for the next order, in model time units: the h at which P(no order in
 * (T, T + h]) = 1 − P(alive)·(1 − ((α+T)/(α+T+h))^(r+x)) falls to ½. Solved in closed form,
 * h = (α+T)·((1 − 1/(2·P(alive)))^(−1/(r+x)) − 1), the same for the BG/NBD, the MBG/NBD and the
 * NBD (all share the Poisson–Gamma purchase process of a living customer). Infinity when
 * P(alive) ≤ ½: the customer is then more likely gone than not, so no date is "expected".
 *
 * The Pareto/NBD's living customer can also die while the wait runs, so there is no closed form:
 * its median is found by bisection on P(no order in (T, T + h]) = ½ within [0, maxWait] (model
 * units; Infinity beyond it), which needs t_x.
 *
 * @example medianWait({ kind: 'nbd', r: 1, alpha: 10 }, 1, 1, 0, 20) // 15·(√2 − 1) ≈ 6.21
 */
export function medianWait(m: ChurnModel, pAlive: number, x: number, T: number, tx = 0, maxWait = 5200): number {
  if (!(pAlive > 0.5)) return Number.POSITIVE_INFINITY;
  if (m.kind === 'pnbd') return paretoMedianWait(m, x, tx, T, maxWait);
  // (1 − 1/(2p))^(−1/(r+x)) − 1 as expm1 of a log1p, exact for p just above ½ and for heavy buyers
  const h = (m.alpha + T) * Math.expm1(-Math.log1p(-0.5 / pAlive) / (m.r + x));
  return Number.isFinite(h) && h >= 0 ? h : Number.POSITIVE_INFINITY;
}

function paretoMedianWait(p: ParetoParams, x: number, tx: number, T: number, maxWait: number): number {
  const silent = pnbdSilence(p, x, tx, T);
  if (!(silent(maxWait) <= 0.5)) return Number.POSITIVE_INFINITY;
  let lo = 0, hi = maxWait;
  for (let i = 0; i < BISECTIONS; i++) {
    const mid = (lo + hi) / 2;
    if (silent(mid) > 0.5) lo = mid;
    else hi = mid;
  }
  return hi;
}
