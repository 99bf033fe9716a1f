import type { OrderLevelField } from './mapping.js';

/** The column each order-level field has in the parse's `src` rows. */
const SRC_COLUMN: Record<OrderLevelField, string> = {
  amount: 'amount_text',
  refunded_amount: 'refunded_amount_text',
  refund_date: 'refund_date_text',
  status: 'status_text',
  currency: 'currency_text',
  channel: 'channel',
  country: 'country',
};

/** Amounts are taken once per order; every other order-level field fills the order's lines. */
const ONCE = new Set<OrderLevelField>(['amount', 'refunded_amount']);

/**
 * The CTE `lined` over `src`: rows of one order (same order id in the file) share its
 * order-level fields. An amount written on one line (Shopify writes Total on an order's first
 * line) stays on the first line that has it and is '0' on the order's other lines, so lines are
 * never "missing" an amount and the order's total is counted once whether the export writes it on
 * one line or repeats it on all. A refund likewise stays on one line. Other fields (status,
 * currency, …) fill blank lines from the order's line that has them. `crm_order_amount_text` is
 * the order's total on every line, for the zero-total rule. Needs numbered rows (source_line).
 *
 * @example orderLevelCte(['amount', 'status']) // 'lined AS (SELECT * REPLACE (...) ...)'
 */
export function orderLevelCte(fields: readonly OrderLevelField[]): string {
  const once = fields.filter((f) => ONCE.has(f));
  const firstLines = once.map((f) => `min(source_line) FILTER (WHERE ${SRC_COLUMN[f]} IS NOT NULL) OVER o AS crm_${f}_line`);
  const replaced = fields.map((f) => {
    const col = SRC_COLUMN[f];
    if (!ONCE.has(f)) return `coalesce(${col}, max(${col}) OVER o) AS ${col}`;
    const other = f === 'amount' ? "'0'" : 'NULL';
    return `CASE WHEN crm_${f}_line IS NULL THEN NULL WHEN source_line = crm_${f}_line THEN ${col} ELSE ${other} END AS ${col}`;
  });
  const orderAmount = fields.includes('amount') ? 'max(amount_text) OVER o' : 'NULL::VARCHAR';
  return `
    lined_src AS (
      SELECT *, ${[...firstLines, `${orderAmount} AS crm_order_amount_text`].join(', ')}
      FROM src WINDOW o AS (PARTITION BY order_id_text)
    ), lined AS (
      SELECT * REPLACE (${replaced.join(', ')})
      FROM lined_src WINDOW o AS (PARTITION BY order_id_text)
    )`;
}
