import type { DuckDBConnection } from '@duckdb/node-api';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { inputError } from '../util/error.js';

const GLOB = /[*?[]/;

/**
 * Turn the command's file arguments into a sorted list of distinct absolute paths. Quoted globs
 * (e.g. 'exports/2024-*.csv') are expanded by DuckDB, the same way its readers would.
 */
export async function expandInputs(conn: DuckDBConnection, args: string[]): Promise<string[]> {
  const out = new Set<string>();
  for (const arg of args) {
    const path = resolve(process.cwd(), arg);
    if (GLOB.test(arg)) {
      const r = await conn.runAndReadAll('SELECT file FROM glob($p) ORDER BY file', { p: path });
      const files = r.getRows().map((row) => String(row[0]));
      if (files.length === 0) throw inputError(`no file matches ${arg}`);
      files.forEach((f) => out.add(f));
    } else {
      if (!existsSync(path)) throw inputError(`file not found: ${arg}`);
      if (!statSync(path).isFile()) throw inputError(`${arg} is not a file`);
      out.add(path);
    }
  }
  return [...out].sort();
}
