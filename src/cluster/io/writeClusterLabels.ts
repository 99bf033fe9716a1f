import { INTEGER, type DuckDBConnection } from '@duckdb/node-api';
import { appendColumns } from '../../store/columns.js';

/**
 * Set `customer_scores.cluster` for every customer of a run from labels aligned by
 * `customer_summary.idx`: the labels go to DuckDB as typed-array columns and are joined back
 * through the summary's customer ids, one set-based UPDATE.
 *
 * @example await writeClusterLabels(conn, runId, result.labels);
 */
export async function writeClusterLabels(conn: DuckDBConnection, runId: number, labels: Int32Array): Promise<void> {
  await conn.run('CREATE OR REPLACE TEMP TABLE cluster_out (idx INTEGER, cluster INTEGER)');
  const idx = Int32Array.from({ length: labels.length }, (_, i) => i);
  await appendColumns(conn, 'cluster_out', [
    { type: INTEGER, values: idx },
    { type: INTEGER, values: labels },
  ]);
  await conn.run(
    `UPDATE customer_scores SET cluster = o.cluster
     FROM customer_summary s JOIN cluster_out o USING (idx)
     WHERE customer_scores.run_id = $run AND customer_scores.customer_id = s.customer_id`,
    { run: runId },
  );
  await conn.run('DROP TABLE cluster_out');
}
