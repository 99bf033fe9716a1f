import { INTEGER, type DuckDBConnection } from '@duckdb/node-api';
import { appendColumns } from '../../store/columns.js';

/**
 * Stage each customer's cluster id, aligned by `customer_summary.idx`, in the temp table
 * `cluster_columns` (idx, cluster) for the run's single customer_scores write (the scores step).
 * No labels (clustering skipped): the table is left empty and `cluster` stays NULL.
 *
 * @example await stageClusterLabels(conn, result.labels);
 */
export async function stageClusterLabels(conn: DuckDBConnection, labels: Int32Array): Promise<void> {
  await conn.run('CREATE OR REPLACE TEMP TABLE cluster_columns (idx INTEGER, cluster INTEGER)');
  const idx = Int32Array.from({ length: labels.length }, (_, i) => i);
  await appendColumns(conn, 'cluster_columns', [
    { type: INTEGER, values: idx },
    { type: INTEGER, values: labels },
  ]);
}
