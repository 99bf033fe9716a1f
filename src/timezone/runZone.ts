import type { DuckDBConnection } from '@duckdb/node-api';
import { UTC } from './parseTimeZone.js';

/** The zone whose days a run counted in (run_config 'report'); UTC for runs made before zones, or no run. */
async function zoneWhere(conn: DuckDBConnection, runSql: string, params: Record<string, number> = {}): Promise<string> {
  const r = await conn.runAndReadAll(
    `SELECT config->>'$.timezone' FROM run_config WHERE section = 'report' AND run_id = (${runSql})`,
    params,
  );
  const z = r.getRows()[0]?.[0];
  return z === null || z === undefined ? UTC : String(z);
}

/**
 * The zone a run counted its days in.
 *
 * @example await runZone(conn, 7) // 'America/New_York'
 */
export const runZone = (conn: DuckDBConnection, runId: number): Promise<string> => zoneWhere(conn, '$run', { run: runId });

/**
 * The zone of the latest successful run (the run named queries default their as-of date to), so
 * they count days as its report did.
 *
 * @example await latestRunZone(conn) // 'UTC' before any run
 */
export const latestRunZone = (conn: DuckDBConnection): Promise<string> => zoneWhere(conn, 'SELECT run_id FROM latest_run');
