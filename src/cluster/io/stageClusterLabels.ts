import { INTEGER, UTINYINT, type DuckDBConnection } from '@duckdb/node-api';
import { appendColumns } from '../../store/columns.js';
import { SET_ASIDE_REASONS } from '../setAside.js';
import { literal } from '../../util/sql.js';

/**
 * Stage each customer's cluster id and set-aside reason, aligned by `customer_summary.idx`, in the
 * temp table `cluster_columns` (idx, cluster, cluster_set_aside) for the run's single
 * customer_scores write (the scores step). A set-aside customer (label −1) has cluster NULL and
 * the reason's code; a clustered one the reverse. The numbers are appended as typed arrays and
 * turned into NULLs and words by one SQL pass (an appender cannot write NULLs from a typed array).
 * No labels (clustering skipped): the table is left empty and both columns stay NULL.
 *
 * @example await stageClusterLabels(conn, result.labels, result.setAside.code);
 */
export async function stageClusterLabels(conn: DuckDBConnection, labels: Int32Array, code: Uint8Array = new Uint8Array(labels.length)): Promise<void> {
  await conn.run('CREATE OR REPLACE TEMP TABLE cluster_staged (idx INTEGER, cluster INTEGER, code UTINYINT)');
  const idx = new Int32Array(labels.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  await appendColumns(conn, 'cluster_staged', [
    { type: INTEGER, values: idx },
    { type: INTEGER, values: labels },
    { type: UTINYINT, values: code },
  ]);
  const reasons = SET_ASIDE_REASONS.map((r, i) => `WHEN ${i + 1} THEN ${literal(r)}`).join(' ');
  await conn.run(`CREATE OR REPLACE TEMP TABLE cluster_columns AS
    SELECT idx, CASE WHEN cluster >= 0 THEN cluster END AS cluster, CASE code ${reasons} END AS cluster_set_aside
    FROM cluster_staged ORDER BY idx`);
  await conn.run('DROP TABLE cluster_staged');
}
