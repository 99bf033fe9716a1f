import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * Runs still marked 'running' when a writer opens the database belong to a process that died
 * (killed, power loss): only one writer runs at a time, under the writer lock. Their writes were
 * rolled back by DuckDB; mark them failed so the history says so. Returns how many.
 */
export async function reconcileInterruptedRuns(conn: DuckDBConnection): Promise<number> {
  const r = await conn.runAndReadAll(
    `UPDATE runs SET status = 'failed', finished_at = coalesce(finished_at, current_timestamp),
       error = 'interrupted: the process ended before the run finished (its writes were rolled back)'
     WHERE status = 'running' RETURNING run_id`,
  );
  return r.getRows().length;
}
