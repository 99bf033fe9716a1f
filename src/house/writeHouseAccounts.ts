import type { DuckDBConnection } from '@duckdb/node-api';
import type { HouseAccount } from './detect.js';

/**
 * Store a run's house accounts (table house_accounts) and, unless they are kept in the models,
 * flag them in the temp table `customer_summary` (house_account = true), which the model fits and
 * clusters read to leave them out.
 *
 * @example await writeHouseAccounts(conn, runId, found, false);
 */
export async function writeHouseAccounts(conn: DuckDBConnection, runId: number, found: readonly HouseAccount[], keptInModels: boolean): Promise<void> {
  for (const h of found) {
    await conn.run(
      `INSERT INTO house_accounts VALUES ($run, $id, $orders, $revenue, $order_share, $revenue_share, $reason, $kept)`,
      { run: runId, id: h.customerId, orders: h.orders, revenue: h.revenue, order_share: h.orderShare, revenue_share: h.revenueShare, reason: h.reason, kept: keptInModels },
    );
  }
  if (found.length === 0 || keptInModels) return;
  await conn.run(
    `UPDATE customer_summary SET house_account = true WHERE customer_id IN (SELECT unnest(from_json($ids, '["VARCHAR"]')))`,
    { ids: JSON.stringify(found.map((h) => h.customerId)) },
  );
}
