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
export async function stageCsv(conn: DuckDBConnection, t: string, path: string, opts: { delimiter?: string; header: boolean; copy?: boolean; shownAs?: string }): Promise<Staged> {
  const delim = opts.delimiter ?? sniffDelimiter(path);
  const shown = opts.shownAs ?? path;
  const dialect = `header=${opts.header}, delim=${literal(delim)}, quote='"', escape='"', ${REJECT_OPTIONS}`;
  let read = `read_csv(${literal(path)}, all_varchar=true, ${dialect})`;
  let raw: string[];
  try {
    raw = await columnNames(conn, read, shown, delim);
  } catch (err) {
    // DuckDB's sniffer gives up on a whole file for one damaged line (an unbalanced quote): read
    // it with the dialect we already know, so the damaged record is quarantined, not the file.
    // Only for a copy, which is read right here: a view over the file would hit the damage later,
    // in the parse pass, so stageFile first makes a normalised copy (stageNormalized).
    if (!isDialectError(err) || !opts.copy) throw err;
    const names = headerFields(path, delim, opts.header);
    read = `read_csv(${literal(path)}, auto_detect=false, ${dialect}, columns={${names.map((c) => `${literal(c)}: 'VARCHAR'`).join(', ')}})`;
    raw = await columnNames(conn, read, shown, delim);
  }
  if (raw.some((c) => c.includes('\0'))) {
    // a NUL byte in a header cannot stand in SQL text, even quoted: rename those columns
    raw = raw.map((c) => c.replaceAll('\0', '\uFFFD'));
    read = `${read.slice(0, -1)}, names=[${raw.map(literal).join(', ')}])`;
  }
  const headers = opts.header ? raw : raw.map((_, i) => String(i + 1));
  const columns = raw.map((c, i) => `s.${ident(c)} AS ${ident(headers[i]!)}`).join(', ');
  const firstLine = opts.header ? 2 : 1;
  const detected = { format: 'csv', delimiter: delim, header: opts.header };
  if (!opts.copy) {
    // Every query of the view reads every column: DuckDB 1.5.5's reader, with store_rejects, fails
    // ("Attempted to access index 2 within vector of size 1") and invalidates the database when a
    // query reads only some columns of a file holding a line of invalid UTF-8 (found by the loader
    // fuzzer). The always-true filter names them all, so no column is pruned.
    const all = raw.map((c) => `s.${ident(c)}`).join(', ');
    await conn.run(`CREATE OR REPLACE TEMP VIEW ${t} AS SELECT NULL::BIGINT AS source_line, ${columns} FROM ${read} s WHERE length(concat_ws(chr(0), ${all})) >= 0`);
    return { headers, accepted: 0, rejected: [], pending: { firstLine }, detected };
  }
  await clearRejects(conn);
  try {
    await conn.run(`CREATE OR REPLACE TEMP TABLE ${t}_raw AS SELECT * FROM ${read}`);
  } catch (err) {
    throw readError(shown, delim, err);
  }
  const rejected = await readRejects(conn);
  await numberLines(conn, t, columns, firstLine, rejected.map((r) => r.line));
  return { headers, accepted: await stagingCount(conn, t), rejected, detected };
}

const readError = (path: string, delim: string, err: unknown): Error =>
  inputError(`${path}: cannot read as delimited text (delimiter ${JSON.stringify(delim)}): ${(err as Error).message}`, err);

/** DuckDB could not settle the file's dialect (sniffer) or its reader broke on the bytes (mixed line endings). */
export const isDialectError = (err: unknown): boolean =>
  /Error when sniffing file|state machine reached an invalid state/i.test(String((err as Error)?.message ?? ''));

/** Column names from the first line (or 1..n without a header), split on the known delimiter and quote. */
function headerFields(path: string, delim: string, header: boolean): string[] {
  const first = headLines(path)[0] ?? '';
  const fields: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < first.length; i++) {
    const ch = first[i]!;
    if (quoted) {
      if (ch === '"' && first[i + 1] === '"') (cur += '"'), i++;
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delim) fields.push(cur), (cur = '');
    else cur += ch;
  }
  fields.push(cur);
  const names = fields.map((f, i) => (header ? f.replace(/\r$/, '') || `column${i}` : `column${i}`));
  return names.map((n, i) => (names.indexOf(n) === i ? n : `${n}_${i}`)); // DuckDB wants distinct names
}

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
