import type { DuckDBConnection } from '@duckdb/node-api';
import { cellNumber as num, cellString as str, selectRows as select } from '../../query/selectRows.js';
import { incompleteWeek } from './incompleteWeek.js';
import type { TrendReport } from './types.js';

/**
 * The run's weekly trend (weekly_trend, written by the dynamics step), oldest week first, with the
 * possibly-incomplete flag; null for a run made before the trend existed.
 *
 * @example const trend = await readTrend(conn, runId); trend?.weeks.at(-1)?.weekEnd // the as-of date
 */
export async function readTrend(conn: DuckDBConnection, runId: number): Promise<TrendReport | null> {
  const rows = await select(
    conn,
    `SELECT week_start::VARCHAR AS ws, week_end::VARCHAR AS we, net_revenue, orders, active_customers, new_customers, returning_customers, aov
     FROM weekly_trend WHERE run_id = $run ORDER BY week_start`,
    { run: runId },
  );
  if (rows.length === 0) return null;
  const weeks = rows.map((r) => ({
    weekStart: str(r['ws']), weekEnd: str(r['we']), netRevenue: num(r['net_revenue']), orders: num(r['orders']),
    activeCustomers: num(r['active_customers']), newCustomers: num(r['new_customers']), returningCustomers: num(r['returning_customers']),
    aov: r['aov'] === null ? null : num(r['aov']),
  }));
  return { weeks, incomplete: incompleteWeek(weeks) };
}
