import type { TrendMeasure, TrendWeek } from './types.js';

/**
 * A week's value of a measure (null: no value, e.g. AOV in a week without orders).
 * @example measureOf(week, 'orders') // 42
 */
export function measureOf(w: TrendWeek, m: TrendMeasure): number | null {
  switch (m) {
    case 'net_revenue':
      return w.netRevenue;
    case 'orders':
      return w.orders;
    case 'active_customers':
      return w.activeCustomers;
    case 'new_customers':
      return w.newCustomers;
    case 'returning_customers':
      return w.returningCustomers;
    case 'aov':
      return w.aov;
    default:
      throw new Error(`unknown trend measure ${String(m satisfies never)}`);
  }
}

/** Whether a measure is an amount of money (formatted as money) or a count. */
export const isMoney = (m: TrendMeasure): boolean => m === 'net_revenue' || m === 'aov';
