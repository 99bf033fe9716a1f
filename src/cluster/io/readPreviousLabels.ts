import type { DuckDBConnection } from '@duckdb/node-api';
import { readNumberColumns } from '../../store/columns.js';

/**
 * Each of this run's customers' cluster id in an earlier run, aligned by `customer_summary.idx`,
 * −1 for customers that run did not have (or did not cluster).
 *
 * @example const previousLabels = await readPreviousLabels(conn, ctx.previousRunId);
 */
export async function readPreviousLabels(conn: DuckDBConnection, runId: number): Promise<Int32Array> {
  const [labels] = await readNumberColumns(
    conn,
    `SELECT coalesce(p.cluster, -1)::INTEGER
     FROM customer_summary s LEFT JOIN customer_scores p ON p.run_id = ${Number(runId)} AND p.customer_id = s.customer_id
     ORDER BY s.idx`,
  );
  return Int32Array.from(labels!);
}
