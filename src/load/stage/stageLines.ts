import type { DuckDBConnection } from '@duckdb/node-api';
import { inputError } from '../../util/error.js';
import { ident, literal } from '../../util/sql.js';
import { REJECT_OPTIONS, clearRejects, minRowid, readRejects, stagingCount } from './rejects.js';
import type { Staged } from './types.js';

/** Read a text file line by line into `lines` (line_no, line); blank lines stay, as NULL. */
async function readLines(conn: DuckDBConnection, t: string, path: string): Promise<Staged['rejected']> {
  await clearRejects(conn);
  try {
    await conn.run(
      `CREATE OR REPLACE TEMP TABLE ${t}_lines_raw AS SELECT line FROM read_csv(${literal(path)}, columns={'line': 'VARCHAR'},
         delim=chr(31), quote='', escape='', header=false, auto_detect=false, ${REJECT_OPTIONS})`,
    );
  } catch (err) {
    throw inputError(`${path}: cannot read: ${(err as Error).message}`, err);
  }
  const rejected = await readRejects(conn);
  // number lines around the rejected ones (bytes that are not valid UTF-8)
  const k = `s.rowid - ${await minRowid(conn, `${t}_lines_raw`)}`;
  if (rejected.length === 0) {
    await conn.run(`CREATE OR REPLACE TEMP TABLE ${t}_lines AS SELECT ${k} + 1 AS line_no, s.line FROM ${t}_lines_raw s ORDER BY line_no`);
  } else {
    await conn.run(
      `CREATE OR REPLACE TEMP TABLE ${t}_lines AS
       WITH good AS (
         SELECT l AS line_no, row_number() OVER (ORDER BY l) - 1 AS k
         FROM range(1, (SELECT count(*) FROM ${t}_lines_raw) + ${rejected.length} + 1) t(l)
         WHERE l NOT IN (${rejected.map((r) => r.line).join(', ')})
       )
       SELECT good.line_no, s.line FROM ${t}_lines_raw s JOIN good ON good.k = ${k} ORDER BY good.line_no`,
    );
  }
  await conn.run(`DROP TABLE ${t}_lines_raw`);
  return rejected;
}

/**
 * Whitespace-aligned text (fields separated by runs of spaces or tabs, like the CDNOW files).
 * A line with the wrong number of fields is returned as rejected.
 */
export async function stageWhitespace(conn: DuckDBConnection, t: string, path: string, header: boolean): Promise<Staged> {
  const rejected = await readLines(conn, t, path);
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE ${t}_fields AS
     SELECT line_no, line, regexp_split_to_array(trim(line), '\\s+') AS f FROM ${t}_lines WHERE trim(coalesce(line, '')) <> ''`,
  );
  const first = await conn.runAndReadAll(`SELECT line_no, f FROM ${t}_fields ORDER BY line_no LIMIT 1`);
  const row = first.getRowsJS()[0];
  if (!row) return { headers: [], accepted: 0, rejected, detected: { format: 'whitespace', header } };
  const names = (row[1] as string[]).map((h, i) => (header ? h : String(i + 1)));
  const n = names.length;
  const skip = header ? `AND line_no > ${Number(row[0])}` : '';
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE ${t} AS
     SELECT line_no AS source_line, ${names.map((h, i) => `f[${i + 1}] AS ${ident(h)}`).join(', ')}
     FROM ${t}_fields WHERE len(f) = ${n} ${skip} ORDER BY line_no`,
  );
  const bad = await conn.runAndReadAll(`SELECT line_no, len(f), line FROM ${t}_fields WHERE len(f) <> ${n} ${skip} ORDER BY line_no`);
  for (const [line, got, text] of bad.getRowsJS()) {
    rejected.push({ line: Number(line), error: `expected ${n} fields, found ${Number(got)}`, text: String(text) });
  }
  rejected.sort((a, b) => a.line - b.line);
  return { headers: names, accepted: await stagingCount(conn, t), rejected, detected: { format: 'whitespace', header } };
}

/** Newline-delimited JSON: one object per line; a line that is not a JSON object is rejected. */
export async function stageNdjson(conn: DuckDBConnection, t: string, path: string): Promise<Staged> {
  const rejected = await readLines(conn, t, path);
  await conn.run(`DELETE FROM ${t}_lines WHERE trim(coalesce(line, '')) = ''`);
  // CASE, because DuckDB does not short-circuit AND: json_type would throw on invalid text
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${t}_lines AS
    SELECT *, CASE WHEN json_valid(line) THEN json_type(line) = 'OBJECT' ELSE false END AS is_object FROM ${t}_lines`);
  const keys = await conn.runAndReadAll(
    `WITH keys AS (SELECT line_no, unnest(json_keys(line)) AS k FROM ${t}_lines WHERE is_object)
     SELECT k FROM keys GROUP BY k ORDER BY min(line_no), k`,
  );
  const headers = keys.getRows().map((r) => String(r[0]));
  const cols = headers.map((h) => `line ->> ${literal('$.' + JSON.stringify(h))} AS ${ident(h)}`);
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE ${t} AS
     SELECT line_no AS source_line${cols.map((c) => ', ' + c).join('')} FROM ${t}_lines
     WHERE is_object ORDER BY line_no`,
  );
  const bad = await conn.runAndReadAll(`SELECT line_no, line FROM ${t}_lines WHERE NOT is_object ORDER BY line_no`);
  for (const [line, text] of bad.getRowsJS()) rejected.push({ line: Number(line), error: 'not a JSON object', text: String(text) });
  rejected.sort((a, b) => a.line - b.line);
  return { headers, accepted: await stagingCount(conn, t), rejected, detected: { format: 'ndjson' } };
}
