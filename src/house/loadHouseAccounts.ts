import type { DuckDBConnection } from '@duckdb/node-api';
import type { LoadSummary } from '../load/types.js';
import { cellNumber as num, cellString as str, selectRows as select } from '../query/selectRows.js';
import { DEFAULT_HOUSE_ACCOUNTS, type HouseAccountsConfig } from './config.js';
import { detectHouseAccounts, type HouseAccount } from './detect.js';

/** How many ids each cheap candidate list holds: far more than the accounts the rule can flag. */
const CANDIDATES = 10;

/** Loads storing more rows than this count their total orders approximately. */
export const EXACT_ORDERS_UP_TO = 1_000_000;

/**
 * Likely house accounts among the rows a load stored, by the analysis rule (detectHouseAccounts
 * with the default settings), without grouping every customer: one pass takes the ids with the
 * most rows (approx_top_k), the ids of the largest lines (max_by), the approximate customer count
 * and orders (approx_count_distinct), and the net amount; a second pass counts the few candidates
 * exactly. Shares are of this load's rows; the run's house accounts are decided at analysis.
 *
 * @example const likely = await loadHouseAccounts(conn, [7, 8]); likely[0]?.customerId // 'orders@marketplace.example'
 */
export async function loadHouseAccounts(conn: DuckDBConnection, loadIds: readonly number[], c: HouseAccountsConfig = DEFAULT_HOUSE_ACCOUNTS, rowsStored = 0): Promise<HouseAccount[]> {
  if (loadIds.length === 0) return [];
  // The load's total orders: exact up to EXACT_ORDERS_UP_TO rows; above, HyperLogLog (~2%): the
  // exact distinct count was most of this hint's cost (0.6 of 1.1 s at 10M rows). The
  // candidates' own counts are always exact; the run's house accounts are decided at analysis.
  const orderCount = rowsStored > EXACT_ORDERS_UP_TO ? 'approx_count_distinct(order_id)' : 'count(DISTINCT order_id)';
  const ids = { loads: JSON.stringify(loadIds) };
  const rows = `FROM transactions WHERE load_id IN (SELECT unnest(from_json($loads, '["INTEGER"]')))`;
  const t = (await select(
    conn,
    `SELECT approx_count_distinct(customer_id) AS customers, ${orderCount} FILTER (WHERE NOT is_return) AS orders,
       coalesce(sum(amount), 0)::DOUBLE AS revenue,
       to_json(list_distinct(list_concat(approx_top_k(customer_id, ${CANDIDATES}), max_by(customer_id, amount, ${CANDIDATES}))))::VARCHAR AS ids
     ${rows}`,
    ids,
  ))[0]!;
  const base = { customers: num(t['customers']), orders: num(t['orders']), revenue: Math.max(num(t['revenue']), 0) };
  if (base.customers === 0) return [];
  const exact = await select(
    conn,
    `SELECT customer_id, count(DISTINCT order_id) FILTER (WHERE NOT is_return) AS orders, coalesce(sum(amount), 0)::DOUBLE AS revenue
     ${rows} AND customer_id IN (SELECT unnest(from_json($ids, '["VARCHAR"]'))) GROUP BY customer_id`,
    { ...ids, ids: str(t['ids']) },
  );
  return detectHouseAccounts(exact.map((r) => ({ customerId: str(r['customer_id']), orders: num(r['orders']), revenue: num(r['revenue']) })), base, c);
}

/**
 * Add the load's likely house accounts to its summary (`house_accounts`), from the files that
 * stored rows. Called by loadFiles after the load's transaction.
 *
 * @example return withHouseAccounts(conn, summarize(results));
 */
export async function withHouseAccounts(conn: DuckDBConnection, s: LoadSummary): Promise<LoadSummary> {
  const loadIds = s.files.filter((f) => f.loaded > 0).map((f) => f.loadId);
  const found = await loadHouseAccounts(conn, loadIds, DEFAULT_HOUSE_ACCOUNTS, s.loaded);
  return {
    ...s,
    house_accounts: found.map((h) => ({ customer_id: h.customerId, orders: h.orders, revenue: h.revenue, order_share: h.orderShare, revenue_share: h.revenueShare, reason: h.reason })),
  };
}
