import type { DuckDBConnection } from '@duckdb/node-api';
import { isAbsolute, join } from 'node:path';

const GLOB = /[*?[]/;

/**
 * A pipeline's input files as absolute paths. A glob that matches nothing is not an error here
 * (a watched folder may be empty until the first export lands); a named file that is missing is
 * left in, so the loader reports it.
 *
 * @example await expandPipelineInputs(conn, ['exports/*.csv'], '/srv/crm') // ['/srv/crm/exports/2024-12-30.csv', …]
 */
export async function expandPipelineInputs(conn: DuckDBConnection, files: string[], baseDir: string): Promise<string[]> {
  const out = new Set<string>();
  for (const f of files) {
    const path = isAbsolute(f) ? f : join(baseDir, f);
    if (!GLOB.test(f)) {
      out.add(path);
      continue;
    }
    const r = await conn.runAndReadAll('SELECT file FROM glob($p) ORDER BY file', { p: path });
    for (const [file] of r.getRows()) out.add(String(file));
  }
  return [...out].sort();
}
