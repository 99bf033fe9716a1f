import type { DuckDBConnection } from '@duckdb/node-api';
import type { RunSteps } from './types.js';

/** Mark a run failed with its error and the steps it got through (their writes were committed or rolled back whole). */
export async function failPipelineRun(conn: DuckDBConnection, runId: number, error: string, steps: RunSteps): Promise<void> {
  await conn.run(
    `UPDATE runs SET status = 'failed', error = $error, steps = $steps, finished_at = current_timestamp WHERE run_id = $id`,
    { id: runId, error, steps: JSON.stringify(steps) },
  );
}
