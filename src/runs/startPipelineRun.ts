import type { DuckDBConnection } from '@duckdb/node-api';
import type { Trigger } from './types.js';

/**
 * Record a pipeline run as started, committed on its own so that a run failing at any later
 * point (even while loading, before its as-of date is known) leaves a failed row behind.
 *
 * @example const runId = await startPipelineRun(conn, { pipeline: 'weekly', trigger: 'schedule', asOf: null });
 */
export async function startPipelineRun(
  conn: DuckDBConnection,
  run: { pipeline: string; trigger: Trigger; asOf: string | null },
): Promise<number> {
  const r = await conn.runAndReadAll(
    `INSERT INTO runs (pipeline, as_of, status, trigger) VALUES ($pipeline, $as_of::DATE, 'running', $trigger) RETURNING run_id`,
    { pipeline: run.pipeline, as_of: run.asOf, trigger: run.trigger },
  );
  return Number(r.getRows()[0]![0]);
}
