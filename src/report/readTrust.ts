import type { DuckDBConnection } from '@duckdb/node-api';
import { cellNumber as num, cellString as str, selectRows as select } from '../query/selectRows.js';
import type { HouseAccountRow, NoCustomerRevenue } from './types.js';

/**
 * The run's house accounts, largest revenue share first; null when the run did not look for them
 * (made before the house step).
 *
 * @example (await readHouseAccounts(conn, 3))[0]?.customerId // 'orders@marketplace.example'
 */
export async function readHouseAccounts(conn: DuckDBConnection, runId: number): Promise<HouseAccountRow[] | null> {
  // a run made before the house step has no settings stored: it never looked, so it says nothing
  const looked = await select(conn, `SELECT 1 FROM run_config WHERE run_id = $run AND section = 'houseAccounts'`, { run: runId });
  if (looked.length === 0) return null;
  const rows = await select(conn, `SELECT * FROM house_accounts WHERE run_id = $run ORDER BY revenue_share DESC, order_share DESC, customer_id`, { run: runId });
  return rows.map((r) => ({
    customerId: str(r['customer_id']), orders: num(r['orders']), revenue: num(r['revenue']), orderShare: num(r['order_share']),
    revenueShare: num(r['revenue_share']), reason: str(r['reason']) as HouseAccountRow['reason'], keptInModels: r['kept_in_models'] === true,
  }));
}

/**
 * The share of revenue that came from rows with no customer id, over the loads that fed the run:
 * those loaded before it finished (a pipeline run loads after its run row starts). When the run
 * analyses one currency of several (`currency` not '*'), both sides are that currency's only —
 * the no-customer rows by loads.no_customer_by_currency, the rest by the stored transactions'
 * currency — so a share never divides amounts in one currency by another's; loads that did not
 * record the split (before migration 015) are then left out, as are loads that recorded no
 * no_customer_revenue at all (before 014). Every date, net amounts. One scan of transactions.
 *
 * @example (await readNoCustomer(conn, 3, 'USD'))?.share // 0.05
 */
export async function readNoCustomer(conn: DuckDBConnection, runId: number, currency: string | null = '*'): Promise<NoCustomerRevenue | null> {
  const r = (await select(
    conn,
    `WITH fed AS (
       SELECT load_id, CASE WHEN $cur::VARCHAR = '*' THEN no_customer_revenue
         ELSE coalesce(TRY_CAST(no_customer_by_currency::JSON ->> coalesce($cur::VARCHAR, 'unknown') AS DOUBLE), 0) END AS revenue
       FROM loads
       WHERE no_customer_revenue IS NOT NULL AND ($cur::VARCHAR = '*' OR no_customer_by_currency IS NOT NULL)
         AND loaded_at <= (SELECT coalesce(finished_at, current_timestamp) FROM runs WHERE run_id = $run)
     )
     SELECT (SELECT count(*) FROM fed) AS loads, (SELECT coalesce(sum(revenue), 0) FROM fed) AS revenue,
       (SELECT coalesce(sum(amount), 0)::DOUBLE FROM transactions WHERE load_id IN (SELECT load_id FROM fed)
          AND ($cur::VARCHAR = '*' OR currency IS NOT DISTINCT FROM $cur::VARCHAR)) AS with_customer`,
    { run: runId, cur: currency },
  ))[0]!;
  const loads = num(r['loads']);
  if (loads === 0) return null;
  const revenue = num(r['revenue']);
  const total = revenue + num(r['with_customer']);
  return { revenue, total, share: total > 0 ? revenue / total : 0, loads };
}
