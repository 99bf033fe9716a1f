import { isUtc, UTC } from './parseTimeZone.js';

/**
 * How a load placed its order dates in time, for `crm load --dry-run` and loads.detected: from
 * each value's offset, or as wall-clock times of the mapping's zone.
 *
 * @example dateZone({ date_format: '%Y-%m-%d %H:%M:%S %z' }) // "each value's offset; stored in UTC"
 * @example dateZone({ date_format: '%Y-%m-%d %H:%M', timezone: 'America/New_York' }) // 'America/New_York local time (no offset in the values); stored in UTC'
 */
export function dateZone(m: { date_format: string; timezone?: string }): string {
  if (m.date_format.includes('%z')) return "each value's offset; stored in UTC";
  const zone = m.timezone ?? UTC;
  return isUtc(zone) ? `${zone} (no offset in the values); stored as written` : `${zone} local time (no offset in the values); stored in UTC`;
}
