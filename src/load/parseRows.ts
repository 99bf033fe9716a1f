import type { Mapping, CanonicalField } from './mapping.js';
import { ident, literal } from '../util/sql.js';
import { PLAUSIBLE_YEARS, dateTextSql, parseDateSql } from './detectDateFormat.js';

/** A mapping whose columns are all names in `staging` (positions already resolved). */
export type ResolvedMapping = Mapping & { columns: Partial<Record<CanonicalField, string>>; date_format: string };

const IDS = ['customer_id', 'order_id'] as const;
const NUMBERS = ['amount', 'quantity', 'unit_price'] as const;
const LABELS = ['product_id', 'product_name', 'category', 'channel', 'country'] as const;
const KEY_FIELDS = 'customer_id, order_id, order_date, product_id, quantity, amount';

/** The reason given to non-purchase lines; every other reason is a quarantine reason. */
export const EXCLUDED_REASON = 'excluded product code';

/** Spreadsheet-style ids ("17850.0") lose the ".0"; anything else, zeros included, stays as written. */
const idSql = (t: string): string =>
  `CASE WHEN contains(${t}, '.') THEN regexp_replace(${t}, '^(-?[0-9]+)\\.0+$', '\\1') ELSE ${t} END`;

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
  const text = (f: CanonicalField): string => (c[f] ? `nullif(trim(s.${ident(c[f])}), '')` : 'NULL::VARCHAR');
  const returnRule = m.returns?.order_id_prefix ? ` OR starts_with(order_id, ${literal(m.returns.order_id_prefix)})` : '';
  const amountIsNegative = c.amount ? ' OR amount_in < 0' : '';
  return `
    src AS (
      SELECT s.source_line,${extra}
        ${IDS.map((f) => `${idSql(text(f))} AS ${f}_text`).join(', ')},
        ${text('order_date')} AS order_date_text,
        ${NUMBERS.map((f) => `${text(f)} AS ${f}_text`).join(', ')},
        ${LABELS.map((f) => `${text(f)} AS ${f}`).join(', ')}
      FROM ${from} s
    ), typed AS (
      SELECT *, customer_id_text AS customer_id,
        ${parseDateSql(dateTextSql('order_date_text'), m.date_format)} AS order_date,
        ${NUMBERS.map((f) => `${numberSql(`${f}_text`, m.number_format)} AS ${f}${f === 'amount' ? '_in' : ''}`).join(', ')}
      FROM src
    ), valued AS (
      SELECT *, ${c.amount ? 'amount_in' : 'quantity * unit_price'} AS gross_amount,
        coalesce(order_id_text, customer_id || '@' || strftime(order_date, '%Y-%m-%dT%H:%M:%S')) AS order_id
      FROM typed
    ), flagged AS (
      SELECT *, coalesce(quantity < 0${amountIsNegative}${returnRule}, false) AS is_return,
        CASE WHEN coalesce(quantity < 0${amountIsNegative}${returnRule}, false) THEN -abs(gross_amount) ELSE gross_amount END AS amount
      FROM valued
    )`;
}

/**
 * SQL turning the all-text `staging` table into typed canonical rows with a `reason` (NULL for a
 * usable row), its occurrence among identical usable rows and its `row_key`. Kept narrow — no
 * raw text, no messages — because it runs over every row; quarantineSql adds those for the few
 * bad rows.
 */
export function parseRowsSql(m: ResolvedMapping, staging: string): string {
  return `
    WITH ${typedRowsSql(m, staging)},
    checked AS (SELECT *, ${reasonSql(m)} AS reason FROM flagged),
    numbered AS (
      SELECT *, row_number() OVER (PARTITION BY reason IS NULL, ${KEY_FIELDS} ORDER BY source_line) AS occurrence FROM checked
    )
    SELECT source_line, customer_id, order_id, order_date, amount, quantity, unit_price,
      ${LABELS.join(', ')}, is_return, reason, occurrence,
      crm_row_key(${KEY_FIELDS}, occurrence) AS row_key
    FROM numbered`;
}

/**
 * The unusable rows of `parsed` (excluded or quarantined) with a detail message naming the value
 * and column, and the raw fields as JSON.
 */
export function badRowsSql(m: ResolvedMapping, headers: string[], staging: string, parsed: string): string {
  const raw = `json_object(${headers.map((h) => `${literal(h)}, s.${ident(h)}`).join(', ')})::VARCHAR`;
  return `
    WITH bad_staging AS (
      SELECT s.*, ${raw} AS crm_raw FROM ${staging} s SEMI JOIN ${parsed} p ON p.source_line = s.source_line AND p.reason IS NOT NULL
    ),
    ${typedRowsSql(m, 'bad_staging', ' s.crm_raw,')}
    SELECT source_line, ${reasonSql(m)} AS reason, ${detailSql(m)} AS detail, crm_raw AS raw FROM flagged`;
}

type Check = [cond: string, reason: string, detail: string];

const q = (s: string): string => s.replaceAll("'", "''");

/** The checks in order. Exclusion comes first: a postage line is never a data error. */
function checks(m: ResolvedMapping): Check[] {
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
  list.push(['order_date IS NULL', 'unparseable order_date', `'order_date "' || order_date_text || '" does not match date format ${q(m.date_format)}' || ' (column ${col('order_date')})'`]);
  list.push([`year(order_date) < ${PLAUSIBLE_YEARS[0]}`, 'unparseable order_date', `'order_date "' || order_date_text || '" reads as year ' || year(order_date) || ' with date format ${q(m.date_format)}; check the format (%y is a two-digit year)'`]);
  list.push(['order_date > now()::TIMESTAMP', 'order_date in the future', `'order_date ' || order_date_text || ' is after the load time'`]);
  if (c.order_id) list.push(missing('order_id'));
  if (c.amount) list.push(missing('amount'));
  else list.push(missing('quantity'), missing('unit_price'));
  list.push(number('amount'), number('quantity'), number('unit_price'));
  if (c.unit_price) {
    list.push(['NOT is_return AND unit_price <= 0', 'non-positive unit_price', `'unit_price ' || unit_price_text || ' on a purchase line (not a return)'`]);
  }
  return list;
}

const reasonSql = (m: ResolvedMapping): string =>
  `CASE ${checks(m).map(([cond, reason]) => `WHEN ${cond} THEN ${literal(reason)}`).join(' ')} END`;

const detailSql = (m: ResolvedMapping): string =>
  `CASE ${checks(m).map(([cond, , detail]) => `WHEN ${cond} THEN ${detail}`).join(' ')} END`;
