import type { AsOfRule } from './types.js';
import { addDays, dateInZone } from '../util/dates.js';

/** The Sunday on or before a date (YYYY-MM-DD). */
const sundayOnOrBefore = (date: string): string => addDays(date, -new Date(date + 'T00:00:00Z').getUTCDay());

/**
 * The as-of date a rule picks, given the latest order date (YYYY-MM-DD) and, for clock rules,
 * the time now and the schedule's time zone.
 *
 * @example applyAsOfRule('week-ending-sunday', '2024-12-31') // '2024-12-29'
 * @example applyAsOfRule('last-complete-week', '2024-12-31', new Date('2025-01-08T06:00:00Z'), 'UTC') // '2025-01-05'
 */
export function applyAsOfRule(rule: AsOfRule, latestOrder: string, now: Date = new Date(), timeZone = 'UTC'): string {
  switch (rule) {
    case 'latest-order':
      return latestOrder;
    case 'week-ending-sunday':
      return sundayOnOrBefore(latestOrder);
    case 'last-complete-week':
      // yesterday's Sunday-or-earlier: on a Sunday the current week is not complete yet
      return sundayOnOrBefore(addDays(dateInZone(now, timeZone), -1));
    default:
      throw new Error(`unknown as-of rule ${String(rule satisfies never)}`);
  }
}
