import { bgnbdCet, bgnbdLogLikelihood, bgnbdNoPurchase, bgnbdPAlive } from './bgnbd.js';
import { cetFactor } from './cetFactor.js';
import { mbgnbdCet, mbgnbdLogLikelihood, mbgnbdNoPurchase, mbgnbdPAlive } from './mbgnbd.js';
import { nbdCet, nbdLogLikelihood, nbdNoPurchase } from './nbd.js';
import { pnbdCet, pnbdLogLikelihood, pnbdNoPurchase, pnbdPAlive, pnbdPurchaseFactor } from './pnbd.js';
import type { PreparedSummary } from './prepare.js';
import type { ChurnModel, SummaryRows } from './types.js';

const unknown = (m: never): never => {
  throw new Error(`unknown churn model kind ${String((m as { kind: unknown }).kind)}`);
};

/**
 * P(alive at T | x, t_x, T) under any churn model.
 *
 * @example pAlive({ kind: 'nbd', r: 0.5, alpha: 6 }, 3, 20, 40) // 1: the NBD has no dropout
 */
export function pAlive(m: ChurnModel, x: number, tx: number, T: number): number {
  switch (m.kind) {
    case 'bgnbd':
      return bgnbdPAlive(m, x, tx, T);
    case 'mbgnbd':
      return mbgnbdPAlive(m, x, tx, T);
    case 'pnbd':
      return pnbdPAlive(m, x, tx, T);
    case 'nbd':
      return 1;
    default:
      return unknown(m);
  }
}

/**
 * Conditional expected purchases in (T, T + t] under any churn model.
 *
 * @example conditionalExpectedPurchases(model, 2, 30.43, 38.86, 39) // ≈ 1.226 at the CDNOW BG/NBD fit
 */
export function conditionalExpectedPurchases(m: ChurnModel, x: number, tx: number, T: number, t: number): number {
  switch (m.kind) {
    case 'bgnbd':
      return bgnbdCet(m, x, tx, T, t);
    case 'mbgnbd':
      return mbgnbdCet(m, x, tx, T, t);
    case 'pnbd':
      return pnbdCet(m, x, tx, T, t);
    case 'nbd':
      return nbdCet(m, x, T, t);
    default:
      return unknown(m);
  }
}

/**
 * The CET divided by P(alive): expected purchases in (T, T + t] of a customer known to be alive.
 * It depends on (x, T) only, not on t_x, so scoring evaluates it (and its 2F1 series) once per
 * distinct (x, T) pair — a bounded number however many customers there are — and multiplies by
 * P(alive) per distinct (x, t_x, T): conditionalExpectedPurchases = pAlive × purchaseFactor, exactly.
 *
 * @example purchaseFactor({ kind: 'nbd', r: 0.25, alpha: 4 }, 2, 40, 52) // 2.25/44·52
 */
export function purchaseFactor(m: ChurnModel, x: number, T: number, t: number): number {
  if (!(t > 0)) return 0;
  switch (m.kind) {
    case 'bgnbd':
      return cetFactor(m.r + x, m.b + x, m.a + m.b + x - 1, m.a - 1, m.alpha + T, t);
    case 'mbgnbd':
      return cetFactor(m.r + x, m.b + x + 1, m.a + m.b + x, m.a - 1, m.alpha + T, t);
    case 'pnbd':
      return pnbdPurchaseFactor(m, x, T, t);
    case 'nbd':
      return nbdCet(m, x, T, t);
    default:
      return unknown(m);
  }
}

/**
 * Expected purchases in (0, t] of a newly acquired customer (the CET of x = t_x = T = 0).
 *
 * @example expectedPurchases(model, 52) // 1.444004 at the CDNOW BG/NBD fit (weeks)
 */
export const expectedPurchases = (m: ChurnModel, t: number): number => conditionalExpectedPurchases(m, 0, 0, 0, t);

/**
 * P(no purchase in (T, T + h]): the churn risk over a horizon h in the model's time unit.
 *
 * @example probNoPurchase(model, 0, 0, 38.86, 13) // a one-time buyer's risk of no order next quarter
 */
export function probNoPurchase(m: ChurnModel, x: number, tx: number, T: number, h: number): number {
  switch (m.kind) {
    case 'bgnbd':
      return bgnbdNoPurchase(m, x, tx, T, h);
    case 'mbgnbd':
      return mbgnbdNoPurchase(m, x, tx, T, h);
    case 'pnbd':
      return pnbdNoPurchase(m, x, tx, T, h);
    case 'nbd':
      return nbdNoPurchase(m, x, T, h);
    default:
      return unknown(m);
  }
}

/**
 * The weighted log-likelihood of summary rows under any churn model (all share one time-unit
 * convention, so values of different kinds on the same rows compare).
 *
 * @example churnLogLikelihood({ kind: 'nbd', r: 0.5, alpha: 6 }, summaryRow(2, 30, 40))
 */
export function churnLogLikelihood(m: ChurnModel, rows: SummaryRows | PreparedSummary): number {
  switch (m.kind) {
    case 'bgnbd':
      return bgnbdLogLikelihood(m, rows);
    case 'mbgnbd':
      return mbgnbdLogLikelihood(m, rows);
    case 'pnbd':
      return pnbdLogLikelihood(m, rows);
    case 'nbd':
      return nbdLogLikelihood(m, rows);
    default:
      return unknown(m);
  }
}
