import type { AsOfRule } from './types.js';
import { addDays } from '../util/dates.js';

/**
 * The as-of date a rule picks, given the latest order date (YYYY-MM-DD).
 *
 * @example applyAsOfRule('week-ending-sunday', '2024-12-31') // '2024-12-29'
 */
export function applyAsOfRule(rule: AsOfRule, latestOrder: string): string {
  switch (rule) {
    case 'latest-order':
      return latestOrder;
    case 'week-ending-sunday': {
      const weekday = new Date(latestOrder + 'T00:00:00Z').getUTCDay(); // 0 = Sunday
      return addDays(latestOrder, -weekday);
    }
    default:
      throw new Error(`unknown as-of rule ${String(rule satisfies never)}`);
  }
}
