import type { TrendReport, TrendWeek } from '../../src/report/trend/types.js';

/** 'YYYY-MM-DD' plus a number of days (UTC, so no clock change shifts it). */
export const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A deterministic weekly trend of `n` weeks ending on `asOf`, orders rising by one a week from 90,
 * new customers every third week higher; `lastOrders` overrides the latest week's orders.
 */
export function sampleTrend(n = 26, asOf = '2024-06-30', lastOrders?: number): TrendReport {
  const weeks: TrendWeek[] = Array.from({ length: n }, (_, i) => {
    const weekEnd = addDays(asOf, -7 * (n - 1 - i));
    const orders = i === n - 1 && lastOrders !== undefined ? lastOrders : 90 + i;
    const active = Math.round(orders * 0.8);
    const fresh = 10 + (i % 3 === 0 ? 5 : 0);
    return {
      weekStart: addDays(weekEnd, -6), weekEnd, netRevenue: orders * 80 - 150, orders,
      activeCustomers: active, newCustomers: fresh, returningCustomers: active - fresh, aov: orders === 0 ? null : 80,
    };
  });
  return { weeks, incomplete: null };
}
