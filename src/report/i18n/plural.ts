/**
 * An English count with its noun in the right number. Takes the count already formatted (as every
 * message does), so "1,000" and "1" read back as numbers; Intl.PluralRules picks the form.
 *
 * @example count('1', 'customer', 'customers') // '1 customer'; count('2,200', 'customer', 'customers') // '2,200 customers'
 */
export function count(n: string, one: string, other: string): string {
  return `${n} ${isOne(n) ? one : other}`;
}

/**
 * Whether a formatted English number takes the singular ("1", but not "1.0", "0" or "21").
 * @example isOne('1') // true; isOne('1,001') // false
 */
export function isOne(n: string): boolean {
  const value = Number(n.replace(/[,\s]/g, ''));
  // "1.0" keeps the plural in English ("1.0 days"): PluralRules needs to know the shown decimals
  const decimals = /\.(\d+)/.exec(n)?.[1]?.length ?? 0;
  return Number.isFinite(value) && new Intl.PluralRules('en-US', { minimumFractionDigits: decimals }).select(value) === 'one';
}

