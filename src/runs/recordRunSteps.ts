import type { DuckDBConnection } from '@duckdb/node-api';
import type { RunSteps } from './types.js';

/** Store a finished run's per-step timings and row counts, and when it really finished (after the report). */
export async function recordRunSteps(conn: DuckDBConnection, runId: number, steps: RunSteps): Promise<void> {
  await conn.run(`UPDATE runs SET steps = $steps, finished_at = current_timestamp WHERE run_id = $id`, {
    id: runId,
    steps: JSON.stringify(steps),
  });
}
