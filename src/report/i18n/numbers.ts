import type { Locale } from './locale.js';

/** Shown for numbers that cannot be formatted (NaN, ±Infinity) instead of "NaN". */
export const MISSING = '—';

/** A d3-format number locale (what Vega's `config.locale.number` takes). */
export interface ChartNumberLocale {
  decimal: string;
  thousands: string;
  grouping: number[];
  /** prefix and suffix of a money amount, e.g. ['£', ''] */
  currency: [string, string];
}

/** Number formatting for one locale and currency; every function shows MISSING for a non-finite number. */
export interface NumberFormats {
  int(n: number): string;
  /** An amount in the report's currency; minor units (cents, pence) only below 1,000, where they still carry information. */
  money(n: number): string;
  /** A 0..1 fraction as a percent with one decimal. */
  pct(n: number): string;
  decimal(n: number, digits?: number): string;
  /** Money with cents or in whole units, as a table column chose for all its values (see moneyColumn). */
  moneyIn(n: number, cents: boolean): string;
  /** the ISO 4217 code amounts are in; null when not known (amounts print as plain numbers) */
  currency: string | null;
  /** the same formats for the charts' d3 format strings ("$,.0f" prints this currency) */
  chartLocale: ChartNumberLocale;
}

/**
 * Intl formatters for a locale and a currency. Intl writes the currency as the locale reads it:
 * en "€1,234", zh-CN "£1,234", "US$1,234" (zh-CN with USD), "CHF 1,234". With no currency
 * (null: the data did not say), amounts are plain numbers with no symbol.
 *
 * @example numberFormats('zh-CN', 'GBP').money(12345) // '£12,345'
 * @example numberFormats('en', null).money(863.6) // '863.60'
 */
export function numberFormats(locale: Locale, currency: string | null): NumberFormats {
  const tag = locale === 'en' ? 'en-US' : locale;
  // 'negative' drops the sign of a value that rounds to zero: no "-0.0%" or "−$0"
  const signDisplay = 'negative' as const;
  const intFmt = new Intl.NumberFormat(tag, { maximumFractionDigits: 0, signDisplay });
  const pctFmt = new Intl.NumberFormat(tag, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay });
  const { whole, minor } = moneyFormats(tag, currency);
  const decimals = new Map<number, Intl.NumberFormat>();
  const finite = (n: number, f: (n: number) => string): string => (Number.isFinite(n) ? f(n) : MISSING);
  return {
    int: (n) => finite(n, (x) => intFmt.format(x)),
    money: (n) => finite(n, (x) => (Math.abs(x) >= 1000 ? whole : minor).format(x)),
    pct: (n) => finite(n, (x) => pctFmt.format(x)),
    decimal(n, digits = 1) {
      let f = decimals.get(digits);
      if (!f) decimals.set(digits, (f = new Intl.NumberFormat(tag, { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay })));
      return finite(n, (x) => f.format(x));
    },
    moneyIn: (n, withMinor) => finite(n, (x) => (withMinor ? minor : whole).format(x)),
    currency,
    chartLocale: chartLocale(tag, whole, currency),
  };
}

/** Whole amounts, and amounts with the currency's own minor digits (2 for GBP, 0 for JPY). */
function moneyFormats(tag: string, currency: string | null): { whole: Intl.NumberFormat; minor: Intl.NumberFormat } {
  if (currency === null) {
    return {
      whole: new Intl.NumberFormat(tag, { maximumFractionDigits: 0, signDisplay: 'negative' }),
      minor: new Intl.NumberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'negative' }),
    };
  }
  const digits = new Intl.NumberFormat(tag, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return {
    whole: new Intl.NumberFormat(tag, { style: 'currency', currency, maximumFractionDigits: 0, signDisplay: 'negative' }),
    minor: new Intl.NumberFormat(tag, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'negative' }),
  };
}

/**
 * The locale's separators and the currency's prefix and suffix, taken from Intl's own output so
 * chart axes print amounts exactly as the tables do.
 */
function chartLocale(tag: string, whole: Intl.NumberFormat, currency: string | null): ChartNumberLocale {
  const parts = new Intl.NumberFormat(tag, { minimumFractionDigits: 1 }).formatToParts(1234.5);
  const sep = (type: string, fallback: string): string => parts.find((p) => p.type === type)?.value ?? fallback;
  const money = whole.formatToParts(1);
  const at = money.findIndex((p) => p.type === 'integer');
  const affix = (ps: Intl.NumberFormatPart[]): string => ps.filter((p) => p.type === 'currency' || p.type === 'literal').map((p) => p.value).join('');
  return {
    decimal: sep('decimal', '.'),
    thousands: sep('group', ','),
    grouping: [3],
    currency: currency === null ? ['', ''] : [affix(money.slice(0, at)), affix(money.slice(at + 1))],
  };
}
