import type { DuckDBConnection } from '@duckdb/node-api';
import type { PreparedFile } from './loadFile.js';

/** Refund entries one load wrote. */
export interface RefundCounts {
  refunds: number;
  /** their total, positive, in the rows' own currencies */
  refundedAmount: number;
}

/**
 * Write the refunds of a prepared file's usable rows as entries of their own: per order and
 * refund date, a row with is_return and is_refund, a negative amount, no product and no
 * quantity, so it lowers revenue and is never an order. An export's "amount refunded" is the
 * order's refund so far (it only grows), so the entry is what it adds to the refunds already
 * stored for that order and date: a re-export or an overlapping file adds nothing, a later export
 * after another refund adds the difference, an older file loaded last adds nothing.
 */
export async function insertRefunds(conn: DuckDBConnection, p: PreparedFile, loadId: number): Promise<RefundCounts> {
  if (!p.mapping.columns.refunded_amount) return { refunds: 0, refundedAmount: 0 };
  const t = p.t;
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE ${t}_refunds AS
     SELECT customer_id, order_id, refund_date, any_value(currency) AS currency, min(source_line) AS source_line,
       any_value(channel) AS channel, any_value(country) AS country, sum(refunded_amount::DECIMAL(18, 6)) AS refunded
     FROM ${t}_parsed WHERE reason IS NULL AND refunded_amount > 0
     GROUP BY customer_id, order_id, refund_date`,
  );
  const r = await conn.runAndReadAll(
    `INSERT INTO transactions BY NAME
     WITH stored AS (
       SELECT customer_id, order_id, order_date AS refund_date, -sum(amount::DECIMAL(18, 6)) AS refunded
       FROM transactions
       WHERE is_refund AND order_id IN (SELECT order_id FROM ${t}_refunds)
       GROUP BY ALL
     )
     SELECT f.customer_id, f.order_id, f.refund_date AS order_date, -(f.refunded - coalesce(s.refunded, 0))::DOUBLE AS amount,
       f.channel, f.country, f.currency, true AS is_return, true AS is_refund,
       $file AS source_file, f.source_line, $load AS load_id, $source AS source, 1 AS occurrence
     FROM ${t}_refunds f LEFT JOIN stored s USING (customer_id, order_id, refund_date)
     WHERE f.refunded > coalesce(s.refunded, 0)
     RETURNING -amount AS refunded`,
    { file: p.path, load: loadId, source: p.mapping.source ?? null },
  );
  const rows = r.getRows();
  return { refunds: rows.length, refundedAmount: rows.reduce((a, [x]) => a + Number(x), 0) };
}
