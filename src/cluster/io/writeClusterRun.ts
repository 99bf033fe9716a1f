import type { DuckDBConnection } from '@duckdb/node-api';
import type { ClusterResult } from '../clusterCustomers.js';
import { finiteOrNull, jsonOf } from './writeClusterProfiles.js';

/**
 * The run's `cluster_runs` row (k, why, the rule's settings, the naming cut-offs, the outlier
 * fences and the base's means) and one `cluster_set_aside` row per non-empty set-aside group.
 *
 * @example await writeClusterRun(conn, runId, result);
 */
export async function writeClusterRun(conn: DuckDBConnection, runId: number, result: ClusterResult): Promise<void> {
  const th = result.thresholds;
  const setAside = result.setAside.groups.reduce((s, g) => s + g.customers, 0);
  await conn.run(
    `INSERT INTO cluster_runs (run_id, k, reason, best_k, tolerance, min_share, clustered, set_aside, cycle_days, recent_days,
       lapsed_days, frequent_orders, spend_low, spend_high, outlier_fences, base_means)
     VALUES ($run, $k, $reason, $best_k, $tolerance, $min_share, $clustered, $set_aside, $cycle, $recent, $lapsed, $frequent,
       $spend_low, $spend_high, $fences::JSON, $base::JSON)`,
    {
      run: runId,
      k: result.k,
      reason: result.choice.reason,
      best_k: result.choice.bestK,
      tolerance: result.choice.tolerance,
      min_share: result.choice.minShare,
      clustered: result.labels.length - setAside,
      set_aside: setAside,
      cycle: finiteOrNull(th.cycleDays),
      recent: finiteOrNull(th.recentDays),
      lapsed: finiteOrNull(th.lapsedDays),
      frequent: finiteOrNull(th.frequentOrders),
      spend_low: finiteOrNull(th.spendLow),
      spend_high: finiteOrNull(th.spendHigh),
      fences: jsonOf(result.setAside.fences),
      base: jsonOf(result.baseMeans),
    },
  );
  for (const g of result.setAside.groups) {
    await conn.run(
      `INSERT INTO cluster_set_aside (run_id, reason, customers, share, revenue_share, median_recency_days, median_frequency, median_monetary)
       VALUES ($run, $reason, $customers, $share, $revenue_share, $r, $f, $m)`,
      {
        run: runId,
        reason: g.reason,
        customers: g.customers,
        share: finiteOrNull(g.share),
        revenue_share: finiteOrNull(g.revenueShare),
        r: finiteOrNull(g.median.recencyDays),
        f: finiteOrNull(g.median.frequency),
        m: finiteOrNull(g.median.monetary),
      },
    );
  }
}
