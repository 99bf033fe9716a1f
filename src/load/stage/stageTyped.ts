import type { DuckDBConnection } from '@duckdb/node-api';
import { inputError } from '../../util/error.js';
import { ident, literal } from '../../util/sql.js';
import { minRowid, stagingCount } from './rejects.js';
import type { Staged } from './types.js';

/**
 * Parquet and JSON-array files arrive typed; cast every column to text so the same parsing and
 * validation apply (timestamps become ISO text, numbers plain decimals). source_line is the
 * record number (1-based).
 */
async function stageTyped(conn: DuckDBConnection, t: string, path: string, reader: string, format: string): Promise<Staged> {
  let names: string[];
  try {
    await conn.run(`CREATE OR REPLACE TEMP TABLE ${t}_raw AS SELECT * FROM ${reader}`);
    const r = await conn.runAndReadAll(`SELECT column_name FROM duckdb_columns() WHERE table_name = '${t}_raw' ORDER BY column_index`);
    names = r.getRows().map((row) => String(row[0]));
  } catch (err) {
    throw inputError(`${path}: cannot read as ${format}: ${(err as Error).message}`, err);
  }
  const first = await minRowid(conn, `${t}_raw`);
  // a view, not a copy: text is made as the parse reads it
  await conn.run(
    `CREATE OR REPLACE TEMP VIEW ${t} AS
     SELECT s.rowid - ${first} + 1 AS source_line,
       ${names.map((n) => `CAST(s.${ident(n)} AS VARCHAR) AS ${ident(n)}`).join(', ')}
     FROM ${t}_raw s`,
  );
  return { headers: names, accepted: await stagingCount(conn, t), rejected: [], detected: { format } };
}

/**
 * Parquet numbers its own rows, so it is staged as a view over the file: no copy, and the count
 * comes from the file's metadata.
 */
export async function stageParquet(conn: DuckDBConnection, t: string, path: string): Promise<Staged> {
  const reader = `read_parquet(${literal(path)}, file_row_number=true)`;
  let names: string[];
  let accepted: number;
  try {
    const d = await conn.runAndReadAll(`DESCRIBE SELECT * EXCLUDE (file_row_number) FROM ${reader}`);
    names = d.getRows().map((row) => String(row[0]));
    accepted = Number((await conn.runAndReadAll(`SELECT count(*) FROM read_parquet(${literal(path)})`)).getRows()[0]![0]);
  } catch (err) {
    throw inputError(`${path}: cannot read as parquet: ${(err as Error).message}`, err);
  }
  await conn.run(
    `CREATE OR REPLACE TEMP VIEW ${t} AS
     SELECT s.file_row_number + 1 AS source_line, ${names.map((n) => `CAST(s.${ident(n)} AS VARCHAR) AS ${ident(n)}`).join(', ')}
     FROM ${reader} s`,
  );
  return { headers: names, accepted, rejected: [], detected: { format: 'parquet' } };
}

export const stageJsonArray = (conn: DuckDBConnection, t: string, path: string): Promise<Staged> =>
  stageTyped(conn, t, path, `read_json(${literal(path)}, format='auto')`, 'json');
