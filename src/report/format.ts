import type { Kpi } from './types.js';

const intFmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const pctFmt = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const moneyWhole = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const moneyCents = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2 });

/** Shown for numbers that cannot be formatted (NaN, ±Infinity) instead of "NaN". */
export const MISSING = '—';

const finite = (n: number, f: (n: number) => string): string => (Number.isFinite(n) ? f(n) : MISSING);

/**
 * A count with thousands separators.
 * @example formatInt(12345.4) // '12,345'
 */
export const formatInt = (n: number): string => finite(n, (x) => intFmt.format(x));

/**
 * Money in dollars; cents only below $1,000, where they still carry information.
 * @example formatMoney(12345.67) // '$12,346'; formatMoney(12.5) // '$12.50'
 */
export const formatMoney = (n: number): string =>
  finite(n, (x) => (Math.abs(x) >= 1000 ? moneyWhole : moneyCents).format(x));

/**
 * A 0..1 fraction as a percent with one decimal.
 * @example formatPct(0.2345) // '23.5%'
 */
export const formatPct = (n: number): string => finite(n, (x) => pctFmt.format(x));

/**
 * A plain number with a fixed number of decimals and thousands separators.
 * @example formatDecimal(1234.567, 2) // '1,234.57'
 */
export function formatDecimal(n: number, digits = 1): string {
  const f = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return finite(n, (x) => f.format(x));
}

/**
 * A KPI value in its declared format. `pct` KPIs are 0..1 fractions, like the segment shares.
 * @example formatKpiValue(0.25, 'pct') // '25.0%'
 */
export function formatKpiValue(value: number, format: Kpi['format']): string {
  switch (format) {
    case 'int':
      return formatInt(value);
    case 'money':
      return formatMoney(value);
    case 'pct':
      return formatPct(value);
    case 'days':
      return `${formatDecimal(value, 1)} days`;
    case 'decimal':
      return formatDecimal(value, 2);
    default:
      throw new Error(`unknown KPI format ${String(format satisfies never)}`);
  }
}
