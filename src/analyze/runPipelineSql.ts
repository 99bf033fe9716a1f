import type { DuckDBConnection } from '@duckdb/node-api';
import { pipelineSql } from '../util/paths.js';

/** Run a queries/pipeline SQL file statement by statement, passing each only the parameters it names. */
export async function runPipelineSql(conn: DuckDBConnection, name: string, params: Record<string, string | number | null>): Promise<void> {
  const text = pipelineSql(name);
  const used = Object.fromEntries(Object.entries(params).filter(([k]) => new RegExp(`\\$${k}\\b`).test(text)));
  for (const statement of text.split(/;\s*\n/).filter((s) => s.replace(/--.*$/gm, '').trim() !== '')) {
    const own = Object.fromEntries(Object.entries(used).filter(([k]) => new RegExp(`\\$${k}\\b`).test(statement)));
    await conn.run(statement, own);
  }
}
