import type { DuckDBConnection } from '@duckdb/node-api';

/** Record a run as started (committed on its own, so a failure can still be recorded). */
export async function startRun(conn: DuckDBConnection, asOf: string, pipeline: string | null, rulesName: string): Promise<number> {
  const r = await conn.runAndReadAll(
    `INSERT INTO runs (pipeline, as_of, status, rules_name) VALUES ($pipeline, $as_of::DATE, 'running', $rules) RETURNING run_id`,
    { pipeline, as_of: asOf, rules: rulesName },
  );
  return Number(r.getRows()[0]![0]);
}

/** Mark a run as finished. */
export async function finishRun(conn: DuckDBConnection, runId: number, customers: number): Promise<void> {
  await conn.run(`UPDATE runs SET status = 'ok', finished_at = current_timestamp, customers = $n WHERE run_id = $id`, {
    id: runId,
    n: customers,
  });
}

/** Mark a run as failed with the error, after its writes were rolled back. */
export async function failRun(conn: DuckDBConnection, runId: number, error: string): Promise<void> {
  await conn.run(`UPDATE runs SET status = 'failed', finished_at = current_timestamp, error = $e WHERE run_id = $id`, {
    id: runId,
    e: error,
  });
}
