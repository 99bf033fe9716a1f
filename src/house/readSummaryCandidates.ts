import type { DuckDBConnection } from '@duckdb/node-api';
import { cellNumber as num, cellString as str, selectRows as select } from '../query/selectRows.js';
import type { HouseAccountsConfig } from './config.js';
import type { BaseTotals, CustomerTotals } from './detect.js';

/**
 * The run's base totals and the customers detectHouseAccounts needs, from the temp table
 * `customer_summary`: the top maxAccounts + 1 + (declared ids) by orders and by net revenue, and
 * every declared id present. Top-N aggregates (max_by with a count) keep a small heap instead of
 * sorting the base: two passes over one row per customer.
 *
 * @example const { base, candidates } = await readSummaryCandidates(conn, DEFAULT_HOUSE_ACCOUNTS);
 */
export async function readSummaryCandidates(conn: DuckDBConnection, c: HouseAccountsConfig): Promise<{ base: BaseTotals; candidates: CustomerTotals[] }> {
  const t = (await select(
    conn,
    `SELECT count(*) AS customers, coalesce(sum(frequency), 0) AS orders, coalesce(sum(greatest(monetary, 0)), 0) AS revenue,
       to_json(list_distinct(list_concat(max_by(customer_id, frequency, $k), max_by(customer_id, monetary, $k), from_json($ids, '["VARCHAR"]'))))::VARCHAR AS ids
     FROM customer_summary`,
    { k: c.maxAccounts + 1 + c.ids.length, ids: JSON.stringify(c.ids) },
  ))[0]!;
  const base = { customers: num(t['customers']), orders: num(t['orders']), revenue: num(t['revenue']) };
  const rows = await select(
    conn,
    `SELECT customer_id, frequency AS orders, monetary AS revenue FROM customer_summary
     WHERE customer_id IN (SELECT unnest(from_json($ids, '["VARCHAR"]')))`,
    { ids: str(t['ids']) },
  );
  return { base, candidates: rows.map((r) => ({ customerId: str(r['customer_id']), orders: num(r['orders']), revenue: num(r['revenue']) })) };
}
