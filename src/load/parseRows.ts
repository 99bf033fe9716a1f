import type { Mapping, CanonicalField } from './mapping.js';
import { ident, literal } from '../util/sql.js';
import { PLAUSIBLE_YEARS, dateTextSql, parseDateSql } from './detectDateFormat.js';
import { isCurrencySql } from './currency.js';

/**
 * A mapping whose columns are all names in `staging` (positions already resolved); `currency` is
 * the file's default currency (the mapping's, else the load's option), used where a row has none.
 */
export type ResolvedMapping = Mapping & {
  columns: Partial<Record<CanonicalField, string>>;
  date_format: string;
  /** per number column, the thousands/decimal form detected from its values (no number_format given) */
  detected_numbers?: Partial<Record<(typeof NUMBERS)[number], NonNullable<Mapping['number_format']>>>;
};

const IDS = ['customer_id', 'order_id'] as const;
export const NUMBERS = ['amount', 'quantity', 'unit_price'] as const;
const LABELS = ['product_id', 'product_name', 'category', 'channel', 'country'] as const;

/**
 * trim(x), calling trim only when an end could be a space: trim() on every value of every column
 * cost more than reading the file, and almost no value needs it. Any non-ASCII value takes the
 * trim path, so Unicode spaces (which trim removes) are still removed.
 */
const trimSql = (x: string): string =>
  `CASE WHEN starts_with(${x}, ' ') OR suffix(${x}, ' ') OR strlen(${x}) <> length(${x}) THEN trim(${x}) ELSE ${x} END`;

/** The reason given to non-purchase lines; every other reason is a quarantine reason. */
export const EXCLUDED_REASON = 'excluded product code';

/** The quarantine reason of rows with no customer id; their revenue is reported per load. */
export const NO_CUSTOMER_REASON = 'missing customer_id';

/** The quarantine reason of ids a spreadsheet turned into scientific notation. */
export const DAMAGED_ID_REASON = 'id damaged by a spreadsheet';

/** Spreadsheet-style ids ("17850.0") lose the ".0"; anything else, zeros included, stays as written. */
const idSql = (t: string): string =>
  `CASE WHEN contains(${t}, '.') THEN regexp_replace(${t}, '^(-?[0-9]+)\\.0+$', '\\1') ELSE ${t} END`;

/**
 * E-mail-shaped ids ('@' with a dot after it) are lower-cased: shops' exports write one address
 * with different case (Jane@Example.com, jane@example.com), and it is one customer. Other ids are
 * exact, since codes like "AB12" and "ab12" may be different customers.
 */
export const casefoldEmailSql = (t: string): string =>
  `CASE WHEN contains(${t}, '@') AND regexp_matches(${t}, '@[^@]*\\.') THEN lower(${t}) ELSE ${t} END`;

/** Number text → DOUBLE, honouring the mapping's currency, thousands and decimal settings. */
function numberSql(t: string, nf: Mapping['number_format']): string {
  if (!nf) return `try_cast(${t} AS DOUBLE)`;
  let s = t;
  if (nf.currency) s = `regexp_replace(${s}, '[$€£¥₹¢\\s\\x{00a0}]', '', 'g')`;
  s = `regexp_replace(${s}, '^\\((.*)\\)$', '-\\1')`; // accounting negatives: (12.50)
  if (nf.thousands) s = `replace(${s}, ${literal(nf.thousands)}, '')`;
  if (nf.decimal === ',') s = `replace(${s}, ',', '.')`;
  return `try_cast(${s} AS DOUBLE)`;
}

/** The typed canonical rows of a staging-shaped relation, before any check. */
function typedRowsSql(m: ResolvedMapping, from: string, extra = ''): string {
  const c = m.columns;
  const text = (f: CanonicalField): string => (c[f] ? `nullif(${trimSql(`s.${ident(c[f])}`)}, '')` : 'NULL::VARCHAR');
  const returnRule = m.returns?.order_id_prefix ? ` OR starts_with(order_id, ${literal(m.returns.order_id_prefix)})` : '';
  const amountIsNegative = c.amount ? ' OR amount_in < 0' : '';
  return `
    src AS (
      SELECT s.source_line,${extra}
        ${IDS.map((f) => `${f === 'customer_id' && m.identity?.casefold_emails !== false ? casefoldEmailSql(idSql(text(f))) : idSql(text(f))} AS ${f}_text`).join(', ')},
        ${text('order_date')} AS order_date_text,
        ${NUMBERS.map((f) => `${text(f)} AS ${f}_text`).join(', ')},
        ${LABELS.map((f) => `${text(f)} AS ${f}`).join(', ')},
        ${c.currency ? `upper(${text('currency')})` : 'NULL::VARCHAR'} AS currency_text
      FROM ${from} s
    ), typed AS (
      SELECT *, customer_id_text AS customer_id,
        ${parseDateSql(dateTextSql('order_date_text'), m.date_format, m.timezone)} AS order_date,
        ${NUMBERS.map((f) => `${numberSql(`${f}_text`, m.number_format ?? m.detected_numbers?.[f])} AS ${f}${f === 'amount' ? '_in' : ''}`).join(', ')}
      FROM src
    ), valued AS (
      SELECT *, ${c.amount ? 'amount_in' : 'quantity * unit_price'} AS gross_amount,
        coalesce(order_id_text, customer_id || '@' || strftime(order_date, '%Y-%m-%dT%H:%M:%S')) AS order_id,
        coalesce(currency_text, ${m.currency ? literal(m.currency) : 'NULL'}::VARCHAR) AS currency
      FROM typed
    ), flagged AS (
      SELECT *, coalesce(quantity < 0${amountIsNegative}${returnRule}, false) AS is_return,
        CASE WHEN coalesce(quantity < 0${amountIsNegative}${returnRule}, false) THEN -abs(gross_amount) ELSE gross_amount END AS amount
      FROM valued
    )`;
}

/** The fields of a row's identity, with its occurrence (README "Row identity"). */
export const KEY_FIELDS = ['customer_id', 'order_id', 'order_date', 'product_id', 'quantity', 'amount'] as const;
const keyList = (alias = ''): string => KEY_FIELDS.map((f) => alias + f).join(', ');

/**
 * SQL turning the all-text `staging` relation into typed canonical rows with a `reason` (NULL for
 * a usable row). The `detail` message and the `raw` fields (JSON) are built only for unusable
 * rows (CASE evaluates lazily), so the one pass costs little more for them. `now` is the load
 * time, fixed once so every check of the file judges "in the future" alike.
 */
export function parseRowsSql(m: ResolvedMapping, staging: string, now: string, headers: string[]): string {
  const rawCols = headers.map((h, i) => ` s.${ident(h)} AS crm_raw_${i},`).join('');
  const raw = `json_object(${headers.map((h, i) => `${literal(h)}, crm_raw_${i}`).join(', ')})::VARCHAR`;
  return `
    WITH ${typedRowsSql(m, staging, rawCols)},
    checked AS (SELECT *, ${reasonSql(m, now)} AS reason FROM flagged)
    SELECT source_line, customer_id, order_id, order_date, amount, quantity, unit_price,
      ${LABELS.join(', ')}, currency, is_return, reason,
      CASE WHEN reason IS NOT NULL THEN ${detailSql(m, now)} END AS detail,
      CASE WHEN reason IS NOT NULL THEN ${raw} END AS raw
    FROM checked`;
}

/** Rows per reason (NULL = usable), with the usable rows' date range. */
export const reasonCountsSql = (parsed: string): string =>
  `SELECT reason, count(*) AS n, min(order_date) AS lo, max(order_date) AS hi,
     coalesce(sum(amount) FILTER (WHERE isfinite(amount)), 0) AS net FROM ${parsed} GROUP BY reason`;

/** The identity hashes shared by more than one usable row: the only rows whose occurrence needs counting. */
export const sharedHashesSql = (parsed: string): string =>
  `SELECT hash(${keyList()}) AS h FROM ${parsed} WHERE reason IS NULL GROUP BY h HAVING count(*) > 1`;

/**
 * The usable rows that repeat an earlier usable row of the file exactly (occurrence > 1), found
 * among the rows whose identity hash is shared; every other usable row is occurrence 1.
 */
export function repeatsSql(parsed: string, shared: string): string {
  return `
    SELECT source_line, occurrence FROM (
      SELECT source_line, row_number() OVER (PARTITION BY ${keyList()} ORDER BY source_line) AS occurrence
      FROM ${parsed}
      WHERE reason IS NULL AND hash(${keyList()}) IN (SELECT h FROM ${shared})
    ) WHERE occurrence > 1`;
}

/** A stored row with the same identity as `p`'s row: same fields (NULLs alike) and occurrence. */
export const sameIdentitySql = (stored: string, p: string): string =>
  [...KEY_FIELDS, 'occurrence'].map((f) => `${stored}.${f} IS NOT DISTINCT FROM ${p}.${f}`).join(' AND ');

type Check = [cond: string, reason: string, detail: string];

const q = (s: string): string => s.replaceAll("'", "''");

/** The checks in order. Exclusion comes first: a postage line is never a data error. */
function checks(m: ResolvedMapping, now: string): Check[] {
  const c = m.columns;
  const col = (f: CanonicalField): string => q(String(c[f] ?? f));
  const missing = (f: CanonicalField): Check => [`${f}_text IS NULL`, `missing ${f}`, `'column ${col(f)} is empty'`];
  const number = (f: (typeof NUMBERS)[number]): Check => {
    const v = f === 'amount' ? 'amount_in' : f;
    return [`${f}_text IS NOT NULL AND (${v} IS NULL OR NOT isfinite(${v}))`, `unparseable ${f}`,
      `'${f} "' || ${f}_text || '" (column ${col(f)}) is not a number${m.number_format ? '' : '; for currency symbols or thousands separators set \"number_format\" in the mapping'}'`];
  };
  const list: Check[] = [];
  const excluded = m.exclude?.product_ids ?? [];
  if (excluded.length) {
    list.push([`product_id IN (${excluded.map(literal).join(', ')})`, EXCLUDED_REASON, `'product code ' || product_id || ' is not a purchase (exclude.product_ids)'`]);
  }
  list.push(missing('customer_id'), missing('order_date'));
  // A spreadsheet re-saving an export writes long numeric ids as 9.23228E+11: the digits are
  // gone, and rows of different customers would merge under one id, so none is guessed back.
  const damaged = (f: 'customer_id' | 'order_id'): Check => [`regexp_full_match(${f}_text, '[0-9](\\.[0-9]+)?[eE]\\+[0-9]+')`, DAMAGED_ID_REASON,
    `'${f} "' || ${f}_text || '" (column ${col(f)}) is in scientific notation: a spreadsheet re-saved the file and the id lost its digits; export the file again from the source, or format the column as text before saving'`];
  list.push(damaged('customer_id'));
  if (c.order_id) list.push(damaged('order_id'));
  list.push(['order_date IS NULL', 'unparseable order_date', `'order_date "' || order_date_text || '" does not match date format ${q(m.date_format)}' || ' (column ${col('order_date')})'`]);
  list.push([`year(order_date) < ${PLAUSIBLE_YEARS[0]}`, 'unparseable order_date', `'order_date "' || order_date_text || '" reads as year ' || year(order_date) || ' with date format ${q(m.date_format)}; check the format (%y is a two-digit year)'`]);
  list.push([`order_date > TIMESTAMP '${now}'`, 'order_date in the future', `'order_date ' || order_date_text || ' is after the load time'`]);
  if (c.order_id) list.push(missing('order_id'));
  if (c.amount) list.push(missing('amount'));
  else list.push(missing('quantity'), missing('unit_price'));
  list.push(number('amount'), number('quantity'), number('unit_price'));
  if (c.currency) {
    list.push([`currency_text IS NOT NULL AND NOT ${isCurrencySql('currency_text')}`, 'invalid currency',
      `'currency "' || currency_text || '" (column ${col('currency')}) is not an ISO 4217 code such as GBP, EUR or USD'`]);
  }
  if (c.unit_price) {
    list.push(['NOT is_return AND unit_price <= 0', 'non-positive unit_price', `'unit_price ' || unit_price_text || ' on a purchase line (not a return)'`]);
  }
  return list;
}

const reasonSql = (m: ResolvedMapping, now: string): string =>
  `CASE ${checks(m, now).map(([cond, reason]) => `WHEN ${cond} THEN ${literal(reason)}`).join(' ')} END`;

const detailSql = (m: ResolvedMapping, now: string): string =>
  `CASE ${checks(m, now).map(([cond, , detail]) => `WHEN ${cond} THEN ${detail}`).join(' ')} END`;
