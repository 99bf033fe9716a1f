import type { DuckDBConnection } from '@duckdb/node-api';
import type { ClusterProfile } from '../profile.js';

/**
 * NULL instead of NaN or ±Infinity (an empty cluster's mean, a revenue share of zero revenue).
 * @example finiteOrNull(Number.NaN) // null
 */
export const finiteOrNull = (x: number | undefined): number | null => (x !== undefined && Number.isFinite(x) ? x : null);

/**
 * A feature → number map as JSON, NaN and ±Infinity as null.
 * @example jsonOf({ frequency: 2.5, return_rate: Number.NaN }) // '{"frequency":2.5,"return_rate":null}'
 */
export const jsonOf = (values: Record<string, number>): string =>
  JSON.stringify(Object.fromEntries(Object.entries(values).map(([f, v]) => [f, finiteOrNull(v)])));

/**
 * One `cluster_profiles` row per cluster of a run: size, shares, mean and median R/F/M, the
 * dominant RFM segment, the centre in original units (JSON by feature name: the next run's warm
 * start reads it back), the previous run's id of the matched cluster (NULL when new), the
 * suggested action, and each described feature's mean and lift (JSON by feature name).
 *
 * @example await writeClusterProfiles(conn, runId, result.profiles, result.previousId);
 */
export async function writeClusterProfiles(
  conn: DuckDBConnection,
  runId: number,
  profiles: readonly ClusterProfile[],
  previousId?: Int32Array,
): Promise<void> {
  for (const p of profiles) {
    const previous = previousId?.[p.id];
    await conn.run(
      `INSERT INTO cluster_profiles (run_id, cluster, name, size, share, revenue_share,
         mean_recency_days, median_recency_days, mean_frequency, median_frequency, mean_monetary, median_monetary,
         dominant_segment, dominant_segment_share, centre, previous_cluster, action, means, lift)
       VALUES ($run, $cluster, $name, $size, $share, $revenue_share, $mean_r, $median_r, $mean_f, $median_f, $mean_m, $median_m,
         $segment, $segment_share, $centre::JSON, $previous, $action, $means::JSON, $lift::JSON)`,
      {
        run: runId,
        cluster: p.id,
        name: p.name,
        size: p.size,
        share: finiteOrNull(p.share),
        revenue_share: finiteOrNull(p.revenueShare),
        mean_r: finiteOrNull(p.mean.recencyDays),
        median_r: finiteOrNull(p.median.recencyDays),
        mean_f: finiteOrNull(p.mean.frequency),
        median_f: finiteOrNull(p.median.frequency),
        mean_m: finiteOrNull(p.mean.monetary),
        median_m: finiteOrNull(p.median.monetary),
        segment: p.dominantSegment?.name ?? null,
        segment_share: finiteOrNull(p.dominantSegment?.share),
        centre: jsonOf(p.centre),
        previous: previous === undefined || previous < 0 ? null : previous,
        action: p.action,
        means: jsonOf(p.means),
        lift: jsonOf(p.lift),
      },
    );
  }
}
