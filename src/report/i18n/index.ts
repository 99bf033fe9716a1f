import { en, type Messages } from './en.js';
import { type Locale } from './locale.js';
import { numberFormats, type NumberFormats } from './numbers.js';
import { zhCN } from './zh-CN.js';

export { LOCALES, isLocale, parseLocale, type Locale } from './locale.js';
export type { Messages } from './en.js';
export type { NumberFormats } from './numbers.js';

/** Everything a section or chart needs to speak one language: texts and number formats. */
export interface ReportText {
  locale: Locale;
  m: Messages;
  fmt: NumberFormats;
}

const CATALOGUES: Record<Locale, Messages> = { en, 'zh-CN': zhCN };
const cache = new Map<Locale, ReportText>();

/**
 * The texts and number formats of a locale (built once per locale).
 *
 * @example const t = reportText('zh-CN'); t.m.header.title // '客户报告'
 */
export function reportText(locale: Locale = 'en'): ReportText {
  let t = cache.get(locale);
  if (!t) cache.set(locale, (t = { locale, m: CATALOGUES[locale], fmt: numberFormats(locale) }));
  return t;
}

/** English, the default of every section and chart builder. */
export const EN: ReportText = reportText('en');
