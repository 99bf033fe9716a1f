import type { DuckDBConnection } from '@duckdb/node-api';
import { SCATTER_SAMPLE } from '../cluster/config.js';
import { cellNumber as num, cellNumberOrNull as numOrNull, selectRows as select, type Row } from '../query/selectRows.js';
import type { ClusterProfileRow, ClusterSection } from './types.js';


/**
 * The run's clusters for the report, or null when the run has none. The scatter sample is the
 * customers with the lowest hash of (customer id, seed): seeded, bounded, and mostly the same
 * customers week to week, so two reports' scatters can be compared.
 *
 * @example const clusters = await readClusters(conn, runId); // null for a run without clusters
 */
export async function readClusters(conn: DuckDBConnection, runId: number): Promise<ClusterSection | null> {
  const profiles = (await select(conn, 'SELECT * FROM cluster_profiles WHERE run_id = $run ORDER BY cluster', { run: runId })).map(toProfile);
  if (profiles.length === 0) return null;
  const silhouette = await select(conn, 'SELECT k, silhouette, chosen FROM cluster_silhouette WHERE run_id = $run ORDER BY k', { run: runId });
  const change = (await select(
    conn,
    `SELECT c.previous_run_id, r.as_of::VARCHAR AS previous_as_of, c.compared, c.changed
     FROM cluster_changes c JOIN runs r ON r.run_id = c.previous_run_id WHERE c.run_id = $run`,
    { run: runId },
  ))[0];
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
    silhouette: silhouette.map((r) => ({ k: num(r['k']), silhouette: numOrNull(r['silhouette']), chosen: r['chosen'] === true })),
    changes: change
      ? { previousRunId: num(change['previous_run_id']), previousAsOf: String(change['previous_as_of']), compared: num(change['compared']), changed: num(change['changed']) }
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

function toProfile(r: Row): ClusterProfileRow {
  return {
    cluster: num(r['cluster']),
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
