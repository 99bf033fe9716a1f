import type { DuckDBConnection } from '@duckdb/node-api';

/** Fill in a started run's as-of date and rules once they are known (after loading). */
export async function setRunAsOf(conn: DuckDBConnection, runId: number, asOf: string, rulesName: string): Promise<void> {
  await conn.run(`UPDATE runs SET as_of = $as_of::DATE, rules_name = $rules WHERE run_id = $id`, { id: runId, as_of: asOf, rules: rulesName });
}
