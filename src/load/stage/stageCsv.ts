import type { DuckDBConnection } from '@duckdb/node-api';
import { inputError } from '../../util/error.js';
import { ident, literal } from '../../util/sql.js';
import { detectDelimiter, headLines } from '../detectDelimiter.js';
import { REJECT_OPTIONS, clearRejects, numberLines, readRejects } from './rejects.js';
import type { Staged } from './types.js';

/**
 * Stage a delimited text file (UTF-8) as relation `t`, every field as text so parsing stays ours.
 * The delimiter is detected from the first lines unless given. Unreadable records are returned,
 * not fatal. A clean file is staged as a view over the file itself, numbered as it streams: one
 * counting pass, no copy. A file with unreadable records (or a transcoded temporary copy, which
 * is deleted after staging) is copied into a table and numbered around the rejected lines.
 */
export async function stageCsv(conn: DuckDBConnection, t: string, path: string, opts: { delimiter?: string; header: boolean; copy?: boolean }): Promise<Staged> {
  const delim = opts.delimiter ?? sniffDelimiter(path);
  const read = (extra = ''): string =>
    `read_csv(${literal(path)}, all_varchar=true, header=${opts.header}, delim=${literal(delim)}, quote='"', escape='"'${extra})`;
  const raw = await columnNames(conn, read(`, ${REJECT_OPTIONS}`), path);
  await clearRejects(conn);
  const accepted = await countReadable(conn, read(`, ${REJECT_OPTIONS}`), raw, path, delim);
  const headers = opts.header ? raw : raw.map((_, i) => String(i + 1));
  const columns = raw.map((c, i) => `s.${ident(c)} AS ${ident(headers[i]!)}`).join(', ');
  const rejected = await readRejects(conn);
  const firstLine = opts.header ? 2 : 1;
  if (rejected.length === 0 && !opts.copy) {
    // row_number() OVER () streams in file order (DuckDB preserves insertion order)
    await conn.run(`CREATE OR REPLACE TEMP VIEW ${t} AS SELECT row_number() OVER () + ${firstLine - 1} AS source_line, ${columns} FROM ${read()} s`);
  } else {
    await conn.run(`CREATE OR REPLACE TEMP TABLE ${t}_raw AS SELECT * FROM ${read(`, ${REJECT_OPTIONS}`)}`);
    await numberLines(conn, t, columns, firstLine, rejected.map((r) => r.line));
  }
  return { headers, accepted, rejected, detected: { format: 'csv', delimiter: delim, header: opts.header } };
}

/** Count the readable records, collecting the rejects. Every column is touched: a bare count(*) skips decoding fields, so bad bytes would go unseen. */
async function countReadable(conn: DuckDBConnection, read: string, columns: string[], path: string, delim: string): Promise<number> {
  try {
    const r = await conn.runAndReadAll(`SELECT count(*), ${columns.map((c) => `count(${ident(c)})`).join(', ')} FROM ${read}`);
    return Number(r.getRows()[0]![0]);
  } catch (err) {
    throw inputError(`${path}: cannot read as delimited text (delimiter ${JSON.stringify(delim)}): ${(err as Error).message}`, err);
  }
}

function sniffDelimiter(path: string): string {
  const delim = detectDelimiter(headLines(path));
  if (delim === null) throw inputError(`${path}: cannot tell the field delimiter (tried , ; tab |); set "delimiter" in the mapping`);
  return delim;
}

async function columnNames(conn: DuckDBConnection, read: string, path: string): Promise<string[]> {
  try {
    const r = await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${read}`);
    return r.getRows().map((row) => String(row[0]));
  } catch (err) {
    throw inputError(`${path}: cannot read as delimited text: ${(err as Error).message}`, err);
  }
}
