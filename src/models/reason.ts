import { DAYS_PER_MONTH } from './units.js';

/** What a marketer needs to judge a churn score, in days and whole orders. */
export interface ReasonInput {
  /** Days since the last order. */
  recencyDays: number;
  /** Typical days between orders (t_x / x in days); ignored for one-time buyers. */
  typicalGapDays: number;
  /** Orders so far, including the first (x + 1). */
  orders: number;
  /** Days since the first order. */
  tenureDays: number;
}

const plural = (n: number, one: string, many: string = one + 's'): string => `${n} ${n === 1 ? one : many}`;

/** "today", "1 day ago", "94 days ago". */
const ago = (days: number): string => {
  const d = Math.round(days);
  return d <= 0 ? 'today' : `${plural(d, 'day')} ago`;
};

/**
 * A span as a person would say it: days under 7 weeks, then months, years from 2 years on.
 *
 * @example span(183) // "6 months"
 */
export function span(days: number): string {
  if (days < 49) return plural(Math.max(1, Math.round(days)), 'day');
  const months = days / DAYS_PER_MONTH;
  if (months < 23.5) return plural(Math.max(2, Math.round(months)), 'month');
  return plural(Math.round(months / 12), 'year');
}

/**
 * A short, plain-language reason behind a churn score: how long since the last order against the
 * customer's own rhythm, so a marketer sees why someone is at risk and whether it is unusual.
 *
 * @example churnReason({ recencyDays: 94, typicalGapDays: 21, orders: 4, tenureDays: 183 })
 * // "last order 94 days ago; usually orders every 21 days; 4 orders in 6 months"
 * @example churnReason({ recencyDays: 120, typicalGapDays: 0, orders: 1, tenureDays: 120 }) // "one order, 120 days ago"
 */
export function churnReason(c: ReasonInput): string {
  if (c.orders <= 0) return 'no orders yet';
  if (c.orders === 1) return `one order, ${ago(c.recencyDays)}`;
  const gap = Math.max(1, Math.round(c.typicalGapDays));
  const every = gap === 1 ? 'every day' : `every ${gap} days`;
  return `last order ${ago(c.recencyDays)}; usually orders ${every}; ${plural(c.orders, 'order')} in ${span(Math.max(c.tenureDays, c.recencyDays))}`;
}

/**
 * churnReason for every customer, from a summary in days: x repeat purchases, t_x and T since
 * the first purchase (recency = T − t_x, typical gap = t_x / x, tenure = T).
 *
 * @example churnReasons(Float64Array.of(3), Float64Array.of(63), Float64Array.of(157)) // ["last order 94 days ago; usually orders every 21 days; 4 orders in 5 months"]
 */
export function churnReasons(x: Float64Array, txDays: Float64Array, TDays: Float64Array): string[] {
  return Array.from(x, (xi, i) =>
    churnReason({
      recencyDays: TDays[i]! - txDays[i]!,
      typicalGapDays: xi > 0 ? txDays[i]! / xi : 0,
      orders: xi + 1,
      tenureDays: TDays[i]!,
    }),
  );
}
