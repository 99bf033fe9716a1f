import type { CanonicalField } from './mapping.js';
import type { ResolvedMapping } from './parseRows.js';
import { literal } from '../util/sql.js';
import { PLAUSIBLE_YEARS } from './detectDateFormat.js';
import { isCurrencySql } from './currency.js';
import { statusRules } from './statuses.js';

/** Every reason of a row that is not a purchase but not an error either starts with this. */
export const EXCLUDED_PREFIX = 'excluded ';

/** The reason given to non-purchase lines by product code. */
export const EXCLUDED_REASON = 'excluded product code';

/** The reason of the lines of an order whose total is 0 (an exchange or a free replacement). */
export const ZERO_TOTAL_REASON = 'excluded zero-total order';

/** The quarantine reason of rows with no customer id; their revenue is reported per load. */
export const NO_CUSTOMER_REASON = 'missing customer_id';

/** The quarantine reason of ids a spreadsheet turned into scientific notation. */
export const DAMAGED_ID_REASON = 'id damaged by a spreadsheet';

/** SQL: is `reason` an exclusion (counted as excluded, not quarantined)? */
export const isExcludedSql = (reason: string): string => `starts_with(${reason}, '${EXCLUDED_PREFIX}')`;

/** One check: the condition, the reason (a fixed text or an SQL expression), the detail message SQL. */
export type Check = [cond: string, reason: string | { sql: string }, detail: string];

const q = (s: string): string => s.replaceAll("'", "''");

/**
 * The checks in order; the first that holds gives a row its reason. Exclusions come first: a
 * postage line, a voided order or a failed charge is never a data error, and its amount is not
 * revenue of anyone (so not "revenue with no customer" either).
 */
export function checks(m: ResolvedMapping, now: string): Check[] {
  return [...exclusions(m), ...dataChecks(m, now)];
}

function exclusions(m: ResolvedMapping): Check[] {
  const list: Check[] = [];
  const excluded = m.exclude?.product_ids ?? [];
  if (excluded.length) {
    list.push([`product_id IN (${excluded.map(literal).join(', ')})`, EXCLUDED_REASON, `'product code ' || product_id || ' is not a purchase (exclude.product_ids)'`]);
  }
  if (m.columns.status) {
    const { exclude } = statusRules(m);
    if (exclude.length) {
      list.push([`status IN (${exclude.map(literal).join(', ')})`, { sql: `'${EXCLUDED_PREFIX}status ' || status` },
        `'status "' || status_text || '" (column ${q(m.columns.status)}) is not a purchase (statuses.exclude)'`]);
    }
  }
  if (m.order_level?.includes('amount')) {
    list.push(['order_amount = 0', ZERO_TOTAL_REASON, `'order ' || order_id_text || ' has a total of 0 (an exchange or a free replacement): no money changed hands'`]);
  }
  for (const [i, [column, values]] of Object.entries(m.exclude?.when ?? {}).entries()) {
    const v = `lower(crm_when_${i})`;
    list.push([`${v} IN (${values.map((x) => literal(x.trim().toLowerCase())).join(', ')})`, { sql: `'${EXCLUDED_PREFIX}${q(column)} = ' || ${v}` },
      `'${q(column)} is "' || crm_when_${i} || '" (exclude.when)'`]);
  }
  return list;
}

function dataChecks(m: ResolvedMapping, now: string): Check[] {
  const c = m.columns;
  const col = (f: CanonicalField): string => q(String(c[f] ?? f));
  const missing = (f: CanonicalField, why = ''): Check => [`${f}_text IS NULL`, `missing ${f}`, `'column ${col(f)} is empty${why}'`];
  const number = (f: 'amount' | 'quantity' | 'unit_price' | 'refunded_amount'): Check => {
    const v = f === 'amount' ? 'amount_in' : f === 'refunded_amount' ? 'refunded_in' : f;
    return [`${f}_text IS NOT NULL AND (${v} IS NULL OR NOT isfinite(${v}))`, `unparseable ${f}`,
      `'${f} "' || ${f}_text || '" (column ${col(f)}) is not a number${m.number_format ? '' : '; for currency symbols or thousands separators set \"number_format\" in the mapping'}'`];
  };
  const date = (f: 'order_date' | 'refund_date', format: string): Check[] => [
    [`${f} IS NULL${f === 'refund_date' ? ' AND refund_date_text IS NOT NULL' : ''}`, `unparseable ${f}`, `'${f} "' || ${f}_text || '" does not match date format ${q(format)}' || ' (column ${col(f)})'`],
    [`year(${f}) < ${PLAUSIBLE_YEARS[0]}`, `unparseable ${f}`, `'${f} "' || ${f}_text || '" reads as year ' || year(${f}) || ' with date format ${q(format)}; check the format (%y is a two-digit year)'`],
  ];
  const orderWhy = (f: CanonicalField): string => (m.order_level?.includes(f as 'amount') ? ' on every line of this order (order-level field; if the export was split in the middle of the order, load the file with its first line too)' : '');
  const list: Check[] = [missing('customer_id'), missing('order_date')];
  // A spreadsheet re-saving an export writes long numeric ids as 9.23228E+11: the digits are
  // gone, and rows of different customers would merge under one id, so none is guessed back.
  const damaged = (f: 'customer_id' | 'order_id'): Check => [`regexp_full_match(${f}_text, '[0-9](\\.[0-9]+)?[eE]\\+[0-9]+')`, DAMAGED_ID_REASON,
    `'${f} "' || ${f}_text || '" (column ${col(f)}) is in scientific notation: a spreadsheet re-saved the file and the id lost its digits; export the file again from the source, or format the column as text before saving'`];
  list.push(damaged('customer_id'));
  if (c.order_id) list.push(damaged('order_id'));
  list.push(...date('order_date', m.date_format));
  list.push([`order_date > TIMESTAMP '${now}'`, 'order_date in the future', `'order_date ' || order_date_text || ' is after the load time'`]);
  if (c.order_id) list.push(missing('order_id'));
  if (c.amount) list.push(missing('amount', orderWhy('amount')));
  else list.push(missing('quantity'), missing('unit_price'));
  list.push(number('amount'), number('quantity'), number('unit_price'), number('refunded_amount'));
  if (c.refund_date) list.push(...date('refund_date', m.refund_date_format ?? m.date_format));
  if (c.status) list.push(...statusChecks(m, orderWhy('status')));
  if (c.currency) {
    list.push([`currency_text IS NOT NULL AND NOT ${isCurrencySql('currency_text')}`, 'invalid currency',
      `'currency "' || currency_text || '" (column ${col('currency')}) is not an ISO 4217 code such as GBP, EUR or USD'`]);
  }
  // a free line inside a paid order is no error when the order's total carries the money
  if (c.unit_price && !(c.amount && m.order_level?.includes('amount'))) {
    list.push(['NOT is_return AND unit_price <= 0', 'non-positive unit_price', `'unit_price ' || unit_price_text || ' on a purchase line (not a return)'`]);
  }
  return list;
}

function statusChecks(m: ResolvedMapping, why: string): Check[] {
  const { count, exclude } = statusRules(m);
  const col = q(m.columns.status!);
  return [
    ['status_text IS NULL', 'missing status', `'column ${col} is empty${why}'`],
    [`status NOT IN (${count.map(literal).join(', ') || "''"})`, 'unknown status',
      `'status "' || status_text || '" (column ${col}) is neither counted (${q(count.join(', '))}) nor excluded (${q(exclude.join(', '))}); add it to "statuses" in the mapping'`],
  ];
}
