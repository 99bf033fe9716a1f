import type { DuckDBConnection } from '@duckdb/node-api';
import type { Staged } from './types.js';

/** read_csv options that hand unreadable records to a rejects table instead of failing. */
export const REJECT_OPTIONS = `store_rejects=true, rejects_table='crm_rejects', rejects_scan='crm_reject_scans'`;

/** Forget the previous file's rejects. */
export async function clearRejects(conn: DuckDBConnection): Promise<void> {
  await conn.run('DROP TABLE IF EXISTS crm_rejects; DROP TABLE IF EXISTS crm_reject_scans');
}

/** The records DuckDB could not read, one per line, in file order. */
export async function readRejects(conn: DuckDBConnection): Promise<Staged['rejected']> {
  const exists = await conn.runAndReadAll(`SELECT count(*) FROM duckdb_tables() WHERE table_name = 'crm_rejects'`);
  if (Number(exists.getRows()[0]![0]) === 0) return [];
  const r = await conn.runAndReadAll(
    `SELECT line, string_agg(DISTINCT error_type || ': ' || error_message, '; ') AS error, any_value(csv_line) AS text
     FROM crm_rejects GROUP BY line ORDER BY line`,
  );
  return r.getRowObjectsJS().map((row) => ({
    line: Number(row['line']),
    error: String(row['error']),
    text: String(row['text'] ?? ''),
  }));
}

/**
 * `<t>_raw` holds accepted records in file order; number them with their file line. Accepted
 * record k sits on the k-th data line that was not rejected (records with quoted line breaks make
 * this a record number). Row ids are offset from the minimum because a table created inside a
 * transaction numbers its rows from a large base, not from 0.
 */
export async function numberLines(conn: DuckDBConnection, t: string, columns: string, firstLine: number, rejected: number[]): Promise<void> {
  const k = `s.rowid - ${await minRowid(conn, `${t}_raw`)}`;
  if (rejected.length === 0) {
    // a view, not a copy: the common case costs nothing beyond DuckDB's own read
    await conn.run(`CREATE OR REPLACE TEMP VIEW ${t} AS SELECT ${k} + ${firstLine} AS source_line, ${columns} FROM ${t}_raw s`);
    return;
  }
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE ${t} AS
     WITH good AS (
       SELECT l AS source_line, row_number() OVER (ORDER BY l) - 1 AS k
       FROM range(${firstLine}, (SELECT count(*) FROM ${t}_raw) + ${rejected.length} + ${firstLine}) t(l)
       WHERE l NOT IN (SELECT line FROM crm_rejects)
     )
     SELECT good.source_line, ${columns} FROM ${t}_raw s JOIN good ON good.k = ${k} ORDER BY good.source_line`,
  );
  await conn.run(`DROP TABLE ${t}_raw`);
}

/**
 * Number the rows of table `rows` — filled in file order from a pending (unnumbered) staging
 * view — with their file line, as view `parsed`. Row k is the k-th line that was not rejected.
 */
export async function numberParsed(conn: DuckDBConnection, rows: string, parsed: string, firstLine: number): Promise<Pick<Staged, 'accepted' | 'rejected'>> {
  const rejected = await readRejects(conn);
  const k = `r.rowid - ${await minRowid(conn, rows)}`;
  const accepted = await stagingCount(conn, rows);
  if (rejected.length === 0) {
    await conn.run(`CREATE OR REPLACE TEMP VIEW ${parsed} AS SELECT r.* REPLACE (${k} + ${firstLine} AS source_line) FROM ${rows} r`);
    return { accepted, rejected };
  }
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE ${rows}_lines AS
     SELECT l AS source_line, row_number() OVER (ORDER BY l) - 1 AS k
     FROM range(${firstLine}, ${accepted + rejected.length + firstLine}) t(l)
     WHERE l NOT IN (SELECT line FROM crm_rejects)`,
  );
  await conn.run(`CREATE OR REPLACE TEMP VIEW ${parsed} AS SELECT r.* REPLACE (g.source_line AS source_line) FROM ${rows} r JOIN ${rows}_lines g ON g.k = ${k}`);
  return { accepted, rejected };
}

/** The first row id of a table, as a constant: a subquery inside a join condition would make DuckDB fall back to a nested loop. */
export async function minRowid(conn: DuckDBConnection, table: string): Promise<string> {
  const r = await conn.runAndReadAll(`SELECT coalesce(min(rowid), 0) FROM ${table}`);
  return String(r.getRows()[0]![0]);
}

/** Number of rows in a staging relation. */
export async function stagingCount(conn: DuckDBConnection, t: string): Promise<number> {
  const n = await conn.runAndReadAll(`SELECT count(*) FROM ${t}`);
  return Number(n.getRows()[0]![0]);
}
