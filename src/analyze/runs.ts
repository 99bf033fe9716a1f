import type { DuckDBConnection } from '@duckdb/node-api';

/** Record a run as started (committed on its own, so a failure can still be recorded). */
export async function startRun(conn: DuckDBConnection, asOf: string, pipeline: string | null, rulesName: string): Promise<number> {
  const r = await conn.runAndReadAll(
    `INSERT INTO runs (pipeline, as_of, status, rules_name) VALUES ($pipeline, $as_of::DATE, 'running', $rules) RETURNING run_id`,
    { pipeline, as_of: asOf, rules: rulesName },
  );
  return Number(r.getRows()[0]![0]);
}

/** Mark a run as finished, with any notes its steps left (e.g. a model fell back). */
export async function finishRun(conn: DuckDBConnection, runId: number, customers: number, notes: string[] = []): Promise<void> {
  await conn.run(
    `UPDATE runs SET status = 'ok', finished_at = current_timestamp, customers = $n, notes = $notes WHERE run_id = $id`,
    { id: runId, n: customers, notes: notes.length ? JSON.stringify(notes) : null },
  );
}

/** The latest successful run before an as-of date, or null. */
export async function previousRun(conn: DuckDBConnection, asOf: string): Promise<number | null> {
  const r = await conn.runAndReadAll(
    `SELECT run_id FROM runs WHERE status = 'ok' AND as_of < $as_of::DATE ORDER BY as_of DESC, run_id DESC LIMIT 1`,
    { as_of: asOf },
  );
  const v = r.getRows()[0]?.[0];
  return v === undefined || v === null ? null : Number(v);
}

/** Mark a run as failed with the error, after its writes were rolled back. */
export async function failRun(conn: DuckDBConnection, runId: number, error: string): Promise<void> {
  await conn.run(`UPDATE runs SET status = 'failed', finished_at = current_timestamp, error = $e WHERE run_id = $id`, {
    id: runId,
    e: error,
  });
}
