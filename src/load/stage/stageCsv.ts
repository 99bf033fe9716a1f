import type { DuckDBConnection } from '@duckdb/node-api';
import { inputError } from '../../util/error.js';
import { ident, literal } from '../../util/sql.js';
import { detectDelimiter, headLines } from '../detectDelimiter.js';
import { REJECT_OPTIONS, clearRejects, numberLines, readRejects, stagingCount } from './rejects.js';
import type { Staged } from './types.js';

/**
 * Read a delimited text file (UTF-8) into staging relation `t`, every field as text so parsing stays ours.
 * The delimiter is detected from the first lines unless given. Unreadable records are returned, not fatal.
 */
export async function stageCsv(conn: DuckDBConnection, t: string, path: string, opts: { delimiter?: string; header: boolean }): Promise<Staged> {
  const delim = opts.delimiter ?? sniffDelimiter(path);
  const read = `read_csv(${literal(path)}, all_varchar=true, header=${opts.header}, delim=${literal(delim)}, quote='"', escape='"', ${REJECT_OPTIONS})`;
  await clearRejects(conn);
  try {
    await conn.run(`CREATE OR REPLACE TEMP TABLE ${t}_raw AS SELECT * FROM ${read}`);
  } catch (err) {
    throw inputError(`${path}: cannot read as delimited text (delimiter ${JSON.stringify(delim)}): ${(err as Error).message}`, err);
  }
  const raw = await columnNames(conn, `${t}_raw`);
  const headers = opts.header ? raw : raw.map((_, i) => String(i + 1));
  const columns = raw.map((c, i) => `s.${ident(c)} AS ${ident(headers[i]!)}`).join(', ');
  const rejected = await readRejects(conn);
  await numberLines(conn, t, columns, opts.header ? 2 : 1, rejected.map((r) => r.line));
  return { headers, accepted: await stagingCount(conn, t), rejected, detected: { format: 'csv', delimiter: delim, header: opts.header } };
}

function sniffDelimiter(path: string): string {
  const delim = detectDelimiter(headLines(path));
  if (delim === null) throw inputError(`${path}: cannot tell the field delimiter (tried , ; tab |); set "delimiter" in the mapping`);
  return delim;
}

async function columnNames(conn: DuckDBConnection, table: string): Promise<string[]> {
  const r = await conn.runAndReadAll(`SELECT column_name FROM duckdb_columns() WHERE table_name = '${table}' ORDER BY column_index`);
  return r.getRows().map((row) => String(row[0]));
}
