import { EN, type ReportText } from './i18n/index.js';
import type { Kpi } from './types.js';

import { MISSING } from './i18n/numbers.js';

export { MISSING };

/**
 * A count with thousands separators (English; sections use their locale's `t.fmt`).
 * @example formatInt(12345.4) // '12,345'
 */
export const formatInt = (n: number): string => EN.fmt.int(n);

/**
 * Money in dollars; cents only below $1,000, where they still carry information.
 * @example formatMoney(12345.67) // '$12,346'; formatMoney(12.5) // '$12.50'
 */
export const formatMoney = (n: number): string => EN.fmt.money(n);

/**
 * A 0..1 fraction as a percent with one decimal.
 * @example formatPct(0.2345) // '23.5%'
 */
export const formatPct = (n: number): string => EN.fmt.pct(n);

/**
 * A plain number with a fixed number of decimals and thousands separators.
 * @example formatDecimal(1234.567, 2) // '1,234.57'
 */
export const formatDecimal = (n: number, digits = 1): string => EN.fmt.decimal(n, digits);

/**
 * A KPI value in its declared format and the given language. `pct` KPIs are 0..1 fractions.
 * @example formatKpiValue(0.25, 'pct') // '25.0%'
 */
export function formatKpiValue(value: number, format: Kpi['format'], t: ReportText = EN): string {
  switch (format) {
    case 'int':
      return t.fmt.int(value);
    case 'money':
      return t.fmt.money(value);
    case 'pct':
      return t.fmt.pct(value);
    case 'days':
      return t.m.common.days(t.fmt.decimal(value, 1));
    case 'decimal':
      return t.fmt.decimal(value, 2);
    default:
      throw new Error(`unknown KPI format ${String(format satisfies never)}`);
  }
}

/** From this amount up, whole currency units: cents would only add noise. */
export const CENTS_BELOW = 1000;

/**
 * One money format for a whole column: cents when every value is under 1,000 (where cents still
 * carry information), whole units otherwise, so "$4,727" never sits above "$863.60".
 *
 * @example const f = moneyColumn([4727, 863.6], EN); f(863.6) // '$864'
 */
export function moneyColumn(values: readonly (number | null)[], t: ReportText = EN): (n: number | null) => string {
  const cents = values.every((v) => v === null || !Number.isFinite(v) || Math.abs(v) < CENTS_BELOW);
  return (n) => (n === null ? MISSING : t.fmt.moneyIn(n, cents));
}

/**
 * A stored UTC timestamp ('2026-12-04 18:42:04.491912', DuckDB's text form) as a date and time
 * for the report's locale, to the minute; the text as given when it does not parse.
 *
 * @example formatDateTime('2026-12-04 18:42:04.49', EN) // 'Dec 4, 2026, 18:42'
 */
export function formatDateTime(stored: string, t: ReportText = EN): string {
  const iso = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/.test(stored) ? `${stored.replace(' ', 'T').slice(0, 19)}Z` : stored;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return stored;
  return dateTimeFormat(t.locale).format(date);
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(locale: string): Intl.DateTimeFormat {
  let f = dateTimeFormats.get(locale);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', timeZone: 'UTC' };
    dateTimeFormats.set(locale, (f = new Intl.DateTimeFormat(locale === 'en' ? 'en-US' : locale, options)));
  }
  return f;
}

/**
 * The file name of a stored path: a report is mailed, and the sender's folders are nobody's business.
 * @example fileName('/home/ana/exports/transactions.csv') // 'transactions.csv'
 */
export const fileName = (path: string): string => path.split(/[\\/]/).filter((p) => p !== '').pop() ?? path;
