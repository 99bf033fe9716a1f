import { usageError } from '../../util/error.js';

/** The report languages `crm report --locale` accepts; `en` is the default. */
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * Whether a string names a supported report locale.
 * @example isLocale('zh-CN') // true; isLocale('fr') // false
 */
export const isLocale = (s: string): s is Locale => (LOCALES as readonly string[]).includes(s);

/**
 * The --locale flag's value checked against LOCALES; undefined when not given (English).
 * @example parseLocale('zh-CN') // 'zh-CN'; parseLocale('fr') // throws a usage error (exit 2)
 */
export function parseLocale(value: string | undefined, flag = '--locale'): Locale | undefined {
  if (value === undefined) return undefined;
  if (isLocale(value)) return value;
  throw usageError(`${flag} expects one of ${LOCALES.join(', ')}, got "${value}"`);
}
