import type { DuckDBConnection } from '@duckdb/node-api';
import { inputError } from '../../util/error.js';
import { ident, literal } from '../../util/sql.js';
import { detectDelimiter, headLines } from '../detectDelimiter.js';
import { REJECT_OPTIONS, clearRejects, numberLines, readRejects, stagingCount } from './rejects.js';
import type { Staged } from './types.js';

/**
 * Stage a delimited text file (UTF-8) as relation `t`, every field as text so parsing stays ours.
 * The delimiter is detected from the first lines unless given. Unreadable records are returned,
 * not fatal. A file is normally staged as an unnumbered view over the file itself: the parse pass
 * then reads it once, in parallel, collecting the rejects, and numbers the rows after (`pending`).
 * A transcoded temporary copy, deleted after staging, is copied into a numbered table instead.
 */
export async function stageCsv(conn: DuckDBConnection, t: string, path: string, opts: { delimiter?: string; header: boolean; copy?: boolean }): Promise<Staged> {
  const delim = opts.delimiter ?? sniffDelimiter(path);
  const read = `read_csv(${literal(path)}, all_varchar=true, header=${opts.header}, delim=${literal(delim)}, quote='"', escape='"', ${REJECT_OPTIONS})`;
  const raw = await columnNames(conn, read, path, delim);
  const headers = opts.header ? raw : raw.map((_, i) => String(i + 1));
  const columns = raw.map((c, i) => `s.${ident(c)} AS ${ident(headers[i]!)}`).join(', ');
  const firstLine = opts.header ? 2 : 1;
  const detected = { format: 'csv', delimiter: delim, header: opts.header };
  if (!opts.copy) {
    await conn.run(`CREATE OR REPLACE TEMP VIEW ${t} AS SELECT NULL::BIGINT AS source_line, ${columns} FROM ${read} s`);
    return { headers, accepted: 0, rejected: [], pending: { firstLine }, detected };
  }
  await clearRejects(conn);
  try {
    await conn.run(`CREATE OR REPLACE TEMP TABLE ${t}_raw AS SELECT * FROM ${read}`);
  } catch (err) {
    throw readError(path, delim, err);
  }
  const rejected = await readRejects(conn);
  await numberLines(conn, t, columns, firstLine, rejected.map((r) => r.line));
  return { headers, accepted: await stagingCount(conn, t), rejected, detected };
}

const readError = (path: string, delim: string, err: unknown): Error =>
  inputError(`${path}: cannot read as delimited text (delimiter ${JSON.stringify(delim)}): ${(err as Error).message}`, err);

function sniffDelimiter(path: string): string {
  const delim = detectDelimiter(headLines(path));
  if (delim === null) throw inputError(`${path}: cannot tell the field delimiter (tried , ; tab |); set "delimiter" in the mapping`);
  return delim;
}

async function columnNames(conn: DuckDBConnection, read: string, path: string, delim: string): Promise<string[]> {
  try {
    const r = await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${read}`);
    return r.getRows().map((row) => String(row[0]));
  } catch (err) {
    throw readError(path, delim, err);
  }
}
