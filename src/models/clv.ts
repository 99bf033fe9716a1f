import { conditionalExpectedPurchases, purchaseFactor } from './churnModel.js';
import type { ChurnModel } from './types.js';

/** How to discount: horizon in months, monthly rate, margin, and model time units per month. */
export interface ClvOptions {
  months: number;
  monthlyDiscount: number;
  margin: number;
  /** The model's time units per month (30.4375 for days, 4.348 for weeks): see unitsPerMonth. */
  unitsPerMonth: number;
}

/** Throw on options that would make CLV meaningless (negative horizon, rate ≤ −100%, …). */
export function checkClvOptions(o: ClvOptions): void {
  const ok =
    Number.isInteger(o.months) && o.months >= 0 && o.monthlyDiscount >= 0 && Number.isFinite(o.monthlyDiscount) &&
    o.margin >= 0 && Number.isFinite(o.margin) && o.unitsPerMonth > 0 && Number.isFinite(o.unitsPerMonth);
  if (!ok) {
    throw new RangeError(
      `CLV options need whole months ≥ 0, a monthly discount rate ≥ 0, a margin ≥ 0 and time units per month > 0; got ${JSON.stringify(o)}`,
    );
  }
}

/**
 * Expected purchases month by month, discounted: Σ_{k=1..H} (CET(k·f) − CET((k−1)·f)) / (1+d)^k.
 * Monthly increments are clamped at 0 so rounding can never make the sum negative.
 *
 * @example discountedPurchases(model, 2, 30.43, 38.86, { months: 12, monthlyDiscount: 0.01, margin: 1, unitsPerMonth: 4.348 })
 */
export function discountedPurchases(m: ChurnModel, x: number, tx: number, T: number, o: ClvOptions): number {
  let total = 0;
  let prev = 0;
  for (let k = 1; k <= o.months; k++) {
    const cet = conditionalExpectedPurchases(m, x, tx, T, k * o.unitsPerMonth);
    total += Math.max(0, cet - prev) / (1 + o.monthlyDiscount) ** k;
    prev = cet;
  }
  return total;
}

/**
 * discountedPurchases divided by P(alive): Σ_k max(0, F(k·f) − F((k−1)·f)) / (1+d)^k with F the
 * purchaseFactor. Depends on (x, T) only, so scoring evaluates it once per distinct pair; since
 * P(alive) ≥ 0, P(alive) × this equals discountedPurchases (clamping included).
 *
 * @example discountedFactor(model, 2, 38.86, { months: 12, monthlyDiscount: 0.01, margin: 1, unitsPerMonth: 4.348 })
 */
export function discountedFactor(m: ChurnModel, x: number, T: number, o: ClvOptions): number {
  let total = 0;
  let prev = 0;
  for (let k = 1; k <= o.months; k++) {
    const f = purchaseFactor(m, x, T, k * o.unitsPerMonth);
    total += Math.max(0, f - prev) / (1 + o.monthlyDiscount) ** k;
    prev = f;
  }
  return total;
}

/**
 * Discounted customer lifetime value over the next H months:
 * Σ_{k=1..H} margin · E[spend per order] · (CET(k·f) − CET((k−1)·f)) / (1+d)^k.
 *
 * @example clv(model, 24.66, 2, 30.43, 38.86, { months: 12, monthlyDiscount: 0.01, margin: 1, unitsPerMonth: 4.348 }) // 36.28 (CDNOW customer 1)
 */
export function clv(m: ChurnModel, orderValue: number, x: number, tx: number, T: number, o: ClvOptions): number {
  return o.margin * Math.max(0, orderValue) * discountedPurchases(m, x, tx, T, o);
}
