import type { ChurnModel } from './types.js';

/**
 * The median wait for the next order, in model time units: the h at which P(no order in
 * (T, T + h]) = 1 − P(alive)·(1 − ((α+T)/(α+T+h))^(r+x)) falls to ½. Solved in closed form,
 * h = (α+T)·((1 − 1/(2·P(alive)))^(−1/(r+x)) − 1), the same for the BG/NBD, the MBG/NBD and the
 * NBD (all share the Poisson–Gamma purchase process of a living customer). Infinity when
 * P(alive) ≤ ½: the customer is then more likely gone than not, so no date is "expected".
 *
 * @example medianWait({ kind: 'nbd', r: 1, alpha: 10 }, 1, 1, 0, 20) // 15·(√2 − 1) ≈ 6.21
 */
export function medianWait(m: ChurnModel, pAlive: number, x: number, T: number): number {
  if (!(pAlive > 0.5)) return Number.POSITIVE_INFINITY;
  // (1 − 1/(2p))^(−1/(r+x)) − 1 as expm1 of a log1p, exact for p just above ½ and for heavy buyers
  const h = (m.alpha + T) * Math.expm1(-Math.log1p(-0.5 / pAlive) / (m.r + x));
  return Number.isFinite(h) && h >= 0 ? h : Number.POSITIVE_INFINITY;
}
