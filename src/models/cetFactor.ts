import { hyp2f1Terms } from './numerics/hyp2f1.js';

/**
 * (c/ε)·[1 − (s/(s+t))^k · 2F1(k, m; c; z)] with ε = c − m (passed separately: forming it by
 * subtraction loses digits when b is large) and z = t/(s+t): the CET of the
 * BG/NBD family divided by P(alive) (BG/NBD: k = r+x, m = b+x, c = a+b+x−1; MBG/NBD: m = b+x+1,
 * c = a+b+x; in both ε = a − 1 and s = α + T).
 *
 * Two exact forms, picked so that the series terms stay small:
 * - Euler's transformation, 1 − (s/(s+t))^ε·2F1(c−k, ε; c; z), whose parameters do not grow with
 *   x (the direct form overflows for heavy buyers). Written as −c·expm1(εL)/ε − e^{εL}·(c/ε)(2F1 − 1)
 *   with L = ln(s/(s+t)) it has no 0/0 at a = 1, no pole at c = 0, and never takes the log of a
 *   2F1 that is legitimately negative (x = 0 with a + b < 1).
 * - the direct form when a − 1 exceeds both 1 and r + x (a large, as when the dropout probability
 *   is nearly the same for everyone): there Euler's terms grow like (s/(s+t))^−(a−1).
 *
 * @example cetFactor(2.242594, 4.425907, 5.218829, -0.207078, 43.273602, 39) // BG/NBD CET / P(alive), CDNOW customer 1
 */
export function cetFactor(k: number, m: number, c: number, eps: number, s: number, t: number): number {
  if (!(t > 0)) return 0;
  const L = -Math.log1p(t / s);
  const z = t / (s + t);
  if (eps > 1 && eps > k) {
    const f = hyp2f1Terms(k, m, c, z, 0);
    return -(c / eps) * Math.expm1(k * L + Math.log(f.mantissa) + f.logScale);
  }
  const lead = eps === 0 ? L : Math.expm1(eps * L) / eps;
  const g = hyp2f1Terms(c - k, eps, c, z, 1);
  return -c * lead - g.mantissa * Math.exp(eps * L + g.logScale);
}
