import type { Mapping, CanonicalField } from './mapping.js';
import { ident, literal } from '../util/sql.js';
import { dateTextSql, parseDateSql } from './detectDateFormat.js';
import { orderLevelCte } from './orderLevel.js';
import { normalizeStatusSql } from './statuses.js';
import { checks, NO_CUSTOMER_REASON } from './checks.js';

export { EXCLUDED_REASON, NO_CUSTOMER_REASON, DAMAGED_ID_REASON } from './checks.js';

/**
 * A mapping whose columns are all names in `staging` (positions already resolved); `currency` is
 * the file's default currency (the mapping's, else the load's option), used where a row has none.
 */
export type ResolvedMapping = Mapping & {
  columns: Partial<Record<CanonicalField, string>>;
  /** further columns of a field mapped to a list of headers, tried in order when the first is empty */
  fallbacks?: Partial<Record<CanonicalField, string[]>>;
  date_format: string;
  /** format of refund_date when it is mapped (detected from its values unless date_format is given) */
  refund_date_format?: string;
  /** per number column, the thousands/decimal form detected from its values (no number_format given) */
  detected_numbers?: Partial<Record<(typeof NUMBERS)[number], NonNullable<Mapping['number_format']>>>;
};

const IDS = ['customer_id', 'order_id'] as const;
export const NUMBERS = ['amount', 'quantity', 'unit_price', 'refunded_amount'] as const;
const LABELS = ['product_id', 'product_name', 'category', 'channel', 'country'] as const;

/**
 * trim(x), calling trim only when an end could be a space: trim() on every value of every column
 * cost more than reading the file, and almost no value needs it. Any non-ASCII value takes the
 * trim path, so Unicode spaces (which trim removes) are still removed.
 */
const trimSql = (x: string): string =>
  `CASE WHEN starts_with(${x}, ' ') OR suffix(${x}, ' ') OR strlen(${x}) <> length(${x}) THEN trim(${x}) ELSE ${x} END`;




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
  const text = (f: CanonicalField): string => {
    const cols = c[f] ? [c[f], ...(m.fallbacks?.[f] ?? [])] : [];
    const vals = cols.map((name) => `nullif(${trimSql(`s.${ident(name)}`)}, '')`);
    return vals.length === 0 ? 'NULL::VARCHAR' : vals.length === 1 ? vals[0]! : `coalesce(${vals.join(', ')})`;
  };
  const returnRule = m.returns?.order_id_prefix ? ` OR starts_with(order_id, ${literal(m.returns.order_id_prefix)})` : '';
  const amountIsNegative = c.amount ? ' OR amount_in < 0' : '';
  const orderLevel = m.order_level ?? [];
  const rows = orderLevel.length ? 'lined' : 'src';
  const when = Object.keys(m.exclude?.when ?? {}).map((col, i) => `, nullif(${trimSql(`s.${ident(col)}`)}, '') AS crm_when_${i}`).join('');
  return `
    src AS (
      SELECT s.source_line,${extra}
        ${IDS.map((f) => `${f === 'customer_id' && m.identity?.casefold_emails !== false ? casefoldEmailSql(idSql(text(f))) : idSql(text(f))} AS ${f}_text`).join(', ')},
        ${text('order_date')} AS order_date_text, ${text('refund_date')} AS refund_date_text, ${text('status')} AS status_text,
        ${NUMBERS.map((f) => `${text(f)} AS ${f}_text`).join(', ')},
        ${LABELS.map((f) => `${text(f)} AS ${f}`).join(', ')},
        ${c.currency ? `upper(${text('currency')})` : 'NULL::VARCHAR'} AS currency_text${when}
      FROM ${from} s
    ),${orderLevel.length ? `${orderLevelCte(orderLevel)},` : ''} typed AS (
      SELECT *, customer_id_text AS customer_id,
        ${parseDateSql(dateTextSql('order_date_text'), m.date_format, m.timezone)} AS order_date,
        ${parseDateSql(dateTextSql('refund_date_text'), m.refund_date_format ?? m.date_format, m.timezone)} AS refund_date,
        ${normalizeStatusSql('status_text')} AS status,
        ${NUMBERS.map((f) => `${numberSql(`${f}_text`, m.number_format ?? m.detected_numbers?.[f])} AS ${f === 'amount' ? 'amount_in' : f === 'refunded_amount' ? 'refunded_in' : f}`).join(', ')},
        ${orderLevel.includes('amount') ? numberSql('crm_order_amount_text', m.number_format ?? m.detected_numbers?.amount) : 'NULL::DOUBLE'} AS order_amount
      FROM ${rows}
    ), valued AS (
      SELECT *, ${c.amount ? 'amount_in' : 'quantity * unit_price'} AS gross_amount,
        coalesce(order_id_text, customer_id || '@' || strftime(order_date, '%Y-%m-%dT%H:%M:%S')) AS order_id,
        coalesce(currency_text, ${m.currency ? literal(m.currency) : 'NULL'}::VARCHAR) AS currency,
        -- exports write refunds as a positive "amount refunded", some with a minus sign
        abs(refunded_in) AS refunded_amount
      FROM typed
    ),${ratedCte(m)} flagged AS (
      SELECT *, coalesce(quantity < 0${amountIsNegative}${returnRule}, false) AS is_return,
        CASE WHEN coalesce(quantity < 0${amountIsNegative}${returnRule}, false) THEN -abs(gross_amount) ELSE gross_amount END AS amount
      FROM ${m.exchange_rates ? 'rated' : 'valued'}
    )`;
}

/**
 * With declared exchange_rates, the CTE `rated`: amounts of a listed currency times its rate, and
 * the currency becomes the target. Only what the user declared is converted; nothing is looked up.
 */
function ratedCte(m: ResolvedMapping): string {
  if (!m.exchange_rates) return '';
  const { to, rates } = m.exchange_rates;
  const rate = `CASE currency ${Object.entries(rates).map(([c, r]) => `WHEN ${literal(c)} THEN ${r}`).join(' ')} ELSE 1 END`;
  return `
    rated AS (
      SELECT * REPLACE (gross_amount * ${rate} AS gross_amount, unit_price * ${rate} AS unit_price, refunded_amount * ${rate} AS refunded_amount,
        CASE WHEN currency IN (${Object.keys(rates).map(literal).join(', ')}) THEN ${literal(to)} ELSE currency END AS currency)
      FROM valued
    ),`;
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
      ${LABELS.join(', ')}, currency, is_return, refunded_amount, coalesce(refund_date, order_date) AS refund_date, reason,
      CASE WHEN reason IS NOT NULL THEN ${detailSql(m, now)} END AS detail,
      CASE WHEN reason IS NOT NULL THEN ${raw} END AS raw
    FROM checked`;
}

/**
 * Rows per reason (NULL = usable), with the usable rows' date range; the rows with no customer id
 * are grouped by currency too ("unknown" = not known), so their revenue is known per currency.
 */
export const reasonCountsSql = (parsed: string): string =>
  `SELECT reason, CASE WHEN reason = '${NO_CUSTOMER_REASON}' THEN coalesce(currency, 'unknown') END AS no_customer_currency,
     count(*) AS n, min(order_date) AS lo, max(order_date) AS hi,
     coalesce(sum(amount) FILTER (WHERE isfinite(amount)), 0) AS net FROM ${parsed} GROUP BY reason, no_customer_currency`;

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

const reasonSql = (m: ResolvedMapping, now: string): string =>
  `CASE ${checks(m, now).map(([cond, reason]) => `WHEN ${cond} THEN ${typeof reason === 'string' ? literal(reason) : reason.sql}`).join(' ')} END`;

const detailSql = (m: ResolvedMapping, now: string): string =>
  `CASE ${checks(m, now).map(([cond, , detail]) => `WHEN ${cond} THEN ${detail}`).join(' ')} END`;
