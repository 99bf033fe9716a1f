import type { DuckDBConnection } from '@duckdb/node-api';
import { SCATTER_SAMPLE } from '../cluster/config.js';
import { cellNumber as num, cellNumberOrNull as numOrNull, selectRows as select, type Row } from '../query/selectRows.js';
import { SET_ASIDE_REASONS } from '../cluster/setAside.js';
import type { ClusterChoice, ClusterProfileRow, ClusterSection, SetAsideRow } from './types.js';

/**
 * The run's clusters for the report (profiles with actions and lift, the candidates of k and why
 * this one, the set-aside groups, stability), or null when the run has none. The scatter sample is the
 * customers with the lowest hash of (customer id, seed): seeded, bounded, and mostly the same
 * customers week to week, so two reports' scatters can be compared.
 *
 * @example const clusters = await readClusters(conn, runId); // null for a run without clusters
 */
export async function readClusters(conn: DuckDBConnection, runId: number): Promise<ClusterSection | null> {
  const profiles = (await select(conn, 'SELECT *, lift::VARCHAR AS lift_text FROM cluster_profiles WHERE run_id = $run ORDER BY cluster', { run: runId })).map(toProfile);
  if (profiles.length === 0) return null;
  const silhouette = await select(conn, 'SELECT k, silhouette, chosen, min_share, eligible FROM cluster_silhouette WHERE run_id = $run ORDER BY k', { run: runId });
  const change = (await select(
    conn,
    `SELECT c.previous_run_id, r.as_of::VARCHAR AS previous_as_of, c.compared, c.changed, c.ari, p.ari AS previous_ari
     FROM cluster_changes c JOIN runs r ON r.run_id = c.previous_run_id
     LEFT JOIN cluster_changes p ON p.run_id = c.previous_run_id WHERE c.run_id = $run`,
    { run: runId },
  ))[0];
  const choice = (await select(conn, 'SELECT * EXCLUDE (base_means, outlier_fences), outlier_fences::VARCHAR AS fences FROM cluster_runs WHERE run_id = $run', { run: runId }))[0];
  const setAside = await select(conn, 'SELECT * FROM cluster_set_aside WHERE run_id = $run ORDER BY reason', { run: runId });
  const sample = await select(
    conn,
    `SELECT customer_id, cluster, recency_days, frequency, monetary FROM customer_scores
     WHERE run_id = $run AND cluster IS NOT NULL
     ORDER BY hash(customer_id, $seed), customer_id LIMIT $size`,
    { run: runId, seed: SCATTER_SAMPLE.seed, size: SCATTER_SAMPLE.size },
  );
  return {
    k: profiles.length,
    profiles,
    silhouette: silhouette.map((r) => ({
      k: num(r['k']),
      silhouette: numOrNull(r['silhouette']),
      chosen: r['chosen'] === true,
      minShare: numOrNull(r['min_share']),
      eligible: r['eligible'] === null ? null : r['eligible'] === true,
    })),
    choice: choice ? toChoice(choice) : null,
    setAside: SET_ASIDE_REASONS.flatMap((reason) => setAside.filter((r) => r['reason'] === reason).map(toSetAside)),
    changes: change
      ? {
          previousRunId: num(change['previous_run_id']),
          previousAsOf: String(change['previous_as_of']),
          compared: num(change['compared']),
          changed: num(change['changed']),
          ari: numOrNull(change['ari']),
          previousAri: numOrNull(change['previous_ari']),
        }
      : null,
    sample: sample.map((r) => ({
      customerId: String(r['customer_id']),
      cluster: num(r['cluster']),
      recencyDays: num(r['recency_days']),
      frequency: num(r['frequency']),
      monetary: num(r['monetary']),
    })),
  };
}

function toChoice(r: Row): ClusterChoice {
  return {
    reason: String(r['reason']),
    bestK: numOrNull(r['best_k']),
    tolerance: num(r['tolerance']),
    minShare: num(r['min_share']),
    clustered: num(r['clustered']),
    setAside: num(r['set_aside']),
    cycleDays: numOrNull(r['cycle_days']),
    recentDays: numOrNull(r['recent_days']),
    lapsedDays: numOrNull(r['lapsed_days']),
    frequentOrders: numOrNull(r['frequent_orders']),
    spendLow: numOrNull(r['spend_low']),
    spendHigh: numOrNull(r['spend_high']),
    fences: jsonNumbers(r['fences']),
  };
}

function toSetAside(r: Row): SetAsideRow {
  return {
    reason: String(r['reason']),
    customers: num(r['customers']),
    share: numOrNull(r['share']),
    revenueShare: numOrNull(r['revenue_share']),
    medianRecencyDays: numOrNull(r['median_recency_days']),
    medianFrequency: numOrNull(r['median_frequency']),
    medianMonetary: numOrNull(r['median_monetary']),
  };
}

/** A stored feature → number JSON object (NULL or not JSON: empty). */
function jsonNumbers(value: unknown): Record<string, number | null> {
  if (value === null || value === undefined) return {};
  const parsed = JSON.parse(String(value)) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, typeof v === 'number' ? v : null]));
}

function toProfile(r: Row): ClusterProfileRow {
  return {
    cluster: num(r['cluster']),
    action: r['action'] === null || r['action'] === undefined ? null : String(r['action']),
    lift: jsonNumbers(r['lift_text']),
    name: String(r['name']),
    size: num(r['size']),
    share: num(r['share']),
    revenueShare: numOrNull(r['revenue_share']),
    meanRecencyDays: numOrNull(r['mean_recency_days']),
    medianRecencyDays: numOrNull(r['median_recency_days']),
    meanFrequency: numOrNull(r['mean_frequency']),
    medianFrequency: numOrNull(r['median_frequency']),
    meanMonetary: numOrNull(r['mean_monetary']),
    medianMonetary: numOrNull(r['median_monetary']),
    dominantSegment: r['dominant_segment'] === null ? null : String(r['dominant_segment']),
    dominantSegmentShare: numOrNull(r['dominant_segment_share']),
  };
}
