import { inputError } from '../util/error.js';
import { literal } from '../util/sql.js';

/**
 * The ISO 4217 codes in use, as the runtime's ICU knows them (AED … ZWL, ~160 codes): the same
 * table Intl.NumberFormat formats with, so every accepted code prints with its own symbol.
 */
export const ISO_CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/**
 * Whether a string is an ISO 4217 currency code in use (upper case, as stored).
 *
 * @example isCurrencyCode('GBP') // true; isCurrencyCode('gbp') // false; isCurrencyCode('UKP') // false
 */
export const isCurrencyCode = (code: string): boolean => ISO_CURRENCIES.has(code);

/**
 * A declared currency (mapping key, load option, pipeline key) checked and upper-cased; `where`
 * names the setting in the message, e.g. `mapping.json: "currency"` or `--currency`.
 *
 * @example parseCurrency(' gbp ', '--currency') // 'GBP'; parseCurrency('pounds', '--currency') // throws (exit 3)
 */
export function parseCurrency(value: unknown, where: string): string {
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (isCurrencyCode(code)) return code;
  const hint = value === true ? '; to strip currency symbols from amounts use "number_format": {"currency": true}' : '';
  throw inputError(`${where} must be an ISO 4217 currency code such as "GBP", "EUR" or "USD", got ${JSON.stringify(value)}${hint}`);
}

/**
 * SQL that is true when text `x` (already trimmed and upper-cased) is an ISO code. An IN list of
 * constants: DuckDB turns it into one hash lookup per row.
 */
export const isCurrencySql = (x: string): string => `${x} IN (${[...ISO_CURRENCIES].map(literal).join(', ')})`;
