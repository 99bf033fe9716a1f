import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * When the latest successful run of a pipeline started (any trigger), or null. runs.started_at
 * is the local wall time of the machine that wrote it, read back in the same zone.
 */
export async function lastSuccessfulStart(conn: DuckDBConnection, pipeline: string): Promise<Date | null> {
  const r = await conn.runAndReadAll(
    `SELECT epoch_ms(max(started_at)::TIMESTAMPTZ) FROM runs WHERE pipeline = $p AND status = 'ok'`,
    { p: pipeline },
  );
  const v = r.getRows()[0]?.[0];
  return v === null || v === undefined ? null : new Date(Number(v));
}
