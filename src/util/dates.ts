import { usageError } from './error.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parse a YYYY-MM-DD flag value, refusing impossible dates like 2024-02-30. */
export function parseIsoDate(value: string, flag: string): string {
  const m = ISO_DATE.exec(value);
  const d = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)) : undefined;
  if (!m || !d || d.getUTCMonth() !== +m[2]! - 1 || d.getUTCDate() !== +m[3]!) {
    throw usageError(`${flag} expects a date as YYYY-MM-DD, got "${value}"`);
  }
  return value;
}

/** Format a Date (UTC) as YYYY-MM-DD. */
export const isoDate = (d: Date): string => d.toISOString().slice(0, 10);

/** Add whole days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const d = new Date(date + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + days);
  return isoDate(d);
}

/**
 * The calendar date (YYYY-MM-DD) of an instant on the wall clock of an IANA time zone.
 *
 * @example dateInZone(new Date('2024-12-30T03:00:00Z'), 'America/New_York') // '2024-12-29'
 */
export function dateInZone(instant: Date, timeZone: string): string {
  // en-CA formats dates as YYYY-MM-DD
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}
