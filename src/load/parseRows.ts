import type { Mapping, CanonicalField } from './mapping.js';
import { ident, literal } from '../util/sql.js';

/**
 * SQL that turns the all-text `staging` table into typed canonical rows, each with `reason` and
 * `detail` (NULL when the row is usable). Kept as a pure SQL builder so the rules can be read
 * and tested in one place.
 */
export function parseRowsSql(m: Mapping, headers: string[]): string {
  const c = m.columns;
  const text = (f: CanonicalField): string => (c[f] ? `nullif(trim(s.${ident(c[f])}), '')` : 'NULL::VARCHAR');
  const fields = ['customer_id', 'order_id', 'order_date', 'amount', 'quantity', 'unit_price'] as const;
  const labels = ['product_id', 'product_name', 'category', 'channel', 'country'] as const;
  const raw = `json_object(${headers.map((h) => `${literal(h)}, s.${ident(h)}`).join(', ')})`;
  const date = m.date_format
    ? `try_strptime(order_date_text, ${literal(m.date_format)})`
    : 'try_cast(order_date_text AS TIMESTAMP)';
  const amount = c.amount ? 'try_cast(amount_text AS DOUBLE)' : 'quantity * unit_price';
  return `
    WITH src AS (
      SELECT s.source_line, ${raw}::VARCHAR AS raw,
        ${fields.map((f) => `${text(f)} AS ${f}_text`).join(',\n        ')},
        ${labels.map((f) => `${text(f)} AS ${f}`).join(',\n        ')}
      FROM staging s
    ), typed AS (
      SELECT *, ${date} AS order_date,
        try_cast(quantity_text AS DOUBLE) AS quantity,
        try_cast(unit_price_text AS DOUBLE) AS unit_price
      FROM src
    ), valued AS (
      SELECT *, ${amount} AS amount FROM typed
    )
    SELECT *, ${reasonSql(m)} AS reason, ${detailSql(m)} AS detail FROM valued`;
}

/** The checks in order; the first that fails names the row's quarantine reason. */
function checks(m: Mapping): [cond: string, reason: string, detail: string][] {
  const c = m.columns;
  const dateHint = m.date_format
    ? `' does not match date_format ${m.date_format.replaceAll("'", "''")}'`
    : `' is not an ISO 8601 date; set "date_format" in the mapping'`;
  const number = (f: 'amount' | 'quantity' | 'unit_price'): [string, string, string] => [
    `${f}_text IS NOT NULL AND (try_cast(${f}_text AS DOUBLE) IS NULL OR NOT isfinite(try_cast(${f}_text AS DOUBLE)))`,
    `unparseable ${f}`,
    `'${f} "' || ${f}_text || '" (column ${(c[f] ?? f).replaceAll("'", "''")}) is not a number'`,
  ];
  const missing = (f: CanonicalField): [string, string, string] => [
    `${f}_text IS NULL`,
    `missing ${f}`,
    `'column ${(c[f] ?? f).replaceAll("'", "''")} is empty'`,
  ];
  const list: [string, string, string][] = [missing('customer_id'), missing('order_date')];
  list.push(['order_date IS NULL', 'unparseable order_date', `'order_date "' || order_date_text || '"' || ${dateHint}`]);
  if (c.order_id) list.push(missing('order_id'));
  if (c.amount) list.push(missing('amount'));
  else list.push(missing('quantity'), missing('unit_price'));
  list.push(number('amount'), number('quantity'), number('unit_price'));
  return list;
}

const reasonSql = (m: Mapping): string =>
  `CASE ${checks(m).map(([cond, reason]) => `WHEN ${cond} THEN ${literal(reason)}`).join(' ')} END`;

const detailSql = (m: Mapping): string =>
  `CASE ${checks(m).map(([cond, , detail]) => `WHEN ${cond} THEN ${detail}`).join(' ')} END`;
