import type { Locale } from './locale.js';

/** Shown for numbers that cannot be formatted (NaN, ±Infinity) instead of "NaN". */
export const MISSING = '—';

/** Number formatting for one locale; every function shows MISSING for a non-finite number. */
export interface NumberFormats {
  int(n: number): string;
  /** Dollars; cents only below 1,000, where they still carry information. */
  money(n: number): string;
  /** A 0..1 fraction as a percent with one decimal. */
  pct(n: number): string;
  decimal(n: number, digits?: number): string;
  /** Money with cents or in whole units, as a table column chose for all its values (see moneyColumn). */
  moneyIn(n: number, cents: boolean): string;
}

/**
 * Intl formatters for a locale. Amounts stay in US dollars (the loader does not record a
 * currency); in zh-CN Intl writes them "US$", which says so unambiguously.
 *
 * @example numberFormats('zh-CN').money(12345) // 'US$12,345'
 */
export function numberFormats(locale: Locale): NumberFormats {
  const tag = locale === 'en' ? 'en-US' : locale;
  // 'negative' drops the sign of a value that rounds to zero: no "-0.0%" or "−$0"
  const signDisplay = 'negative' as const;
  const intFmt = new Intl.NumberFormat(tag, { maximumFractionDigits: 0, signDisplay });
  const pctFmt = new Intl.NumberFormat(tag, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay });
  const whole = new Intl.NumberFormat(tag, { style: 'currency', currency: 'USD', maximumFractionDigits: 0, signDisplay });
  const cents = new Intl.NumberFormat(tag, { style: 'currency', currency: 'USD', minimumFractionDigits: 2, signDisplay });
  const decimals = new Map<number, Intl.NumberFormat>();
  const finite = (n: number, f: (n: number) => string): string => (Number.isFinite(n) ? f(n) : MISSING);
  return {
    int: (n) => finite(n, (x) => intFmt.format(x)),
    money: (n) => finite(n, (x) => (Math.abs(x) >= 1000 ? whole : cents).format(x)),
    pct: (n) => finite(n, (x) => pctFmt.format(x)),
    decimal(n, digits = 1) {
      let f = decimals.get(digits);
      if (!f) decimals.set(digits, (f = new Intl.NumberFormat(tag, { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay })));
      return finite(n, (x) => f.format(x));
    },
    moneyIn: (n, withCents) => finite(n, (x) => (withCents ? cents : whole).format(x)),
  };
}
