import { en, type Messages } from './en.js';
import { type Locale } from './locale.js';
import { numberFormats, type NumberFormats } from './numbers.js';
import { zhCN } from './zh-CN.js';

export { LOCALES, isLocale, parseLocale, type Locale } from './locale.js';
export type { Messages } from './en.js';
export type { ChartNumberLocale, NumberFormats } from './numbers.js';

/** Everything a section or chart needs to speak one language: texts and number formats. */
export interface ReportText {
  locale: Locale;
  m: Messages;
  fmt: NumberFormats;
}

const CATALOGUES: Record<Locale, Messages> = { en, 'zh-CN': zhCN };
const cache = new Map<string, ReportText>();

/**
 * The texts of a locale and its number formats for a currency (built once per pair). A report
 * passes its run's currency (null when the data did not say: plain numbers); the default, US
 * dollars, is what the section builders use when called on their own.
 *
 * @example const t = reportText('zh-CN', 'GBP'); t.m.header.title // '客户报告'; t.fmt.money(1234) // '£1,234'
 */
export function reportText(locale: Locale = 'en', currency: string | null = 'USD'): ReportText {
  const key = `${locale}|${currency ?? ''}`;
  let t = cache.get(key);
  if (!t) cache.set(key, (t = { locale, m: CATALOGUES[locale], fmt: numberFormats(locale, currency) }));
  return t;
}

/** English, the default of every section and chart builder. */
export const EN: ReportText = reportText('en');
