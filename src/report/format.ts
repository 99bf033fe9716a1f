import { EN, type ReportText } from './i18n/index.js';
import type { Kpi } from './types.js';

export { MISSING } from './i18n/numbers.js';

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
