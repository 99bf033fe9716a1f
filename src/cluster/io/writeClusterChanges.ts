import type { DuckDBConnection } from '@duckdb/node-api';
import type { ChangeCount } from '../countChanged.js';

/**
 * Record how many customers were in both runs (`compared`) and how many of them are now in a
 * cluster with another id (`changed`), and the adjusted Rand index of the two groupings (`ari`,
 * NULL when undefined): the week-to-week stability of the clusters.
 *
 * @example await writeClusterChanges(conn, runId, previousRunId, result.changed);
 */
export async function writeClusterChanges(conn: DuckDBConnection, runId: number, previousRunId: number, count: ChangeCount): Promise<void> {
  await conn.run('INSERT INTO cluster_changes (run_id, previous_run_id, compared, changed, ari) VALUES ($run, $previous, $compared, $changed, $ari)', {
    run: runId,
    previous: previousRunId,
    compared: count.compared,
    changed: count.changed,
    ari: Number.isFinite(count.ari) ? count.ari : null,
  });
}
