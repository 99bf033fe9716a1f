import type { DuckDBConnection } from '@duckdb/node-api';
import { inputError } from '../util/error.js';
import { ident, literal } from '../util/sql.js';

/** A CSV file read into the temp table `staging` (all text) with each record's file line. */
export interface Staged {
  headers: string[];
  /** records DuckDB could read, now in `staging` */
  accepted: number;
  /** malformed records (wrong field count, bad quoting): line, error, the raw text */
  rejected: { line: number; error: string; text: string }[];
}

const rejectOptions = `store_rejects=true, rejects_table='crm_rejects', rejects_scan='crm_reject_scans'`;

/** The read_csv call for a file: every column as text, so parsing and validation stay ours. */
function readCsvSql(path: string, delimiter: string): string {
  return `read_csv(${literal(path)}, all_varchar=true, header=true, delim=${literal(delimiter)}, quote='"', escape='"', ${rejectOptions})`;
}

/** The header names of a CSV file as DuckDB reads them. */
export async function csvHeaders(conn: DuckDBConnection, path: string, delimiter: string): Promise<string[]> {
  try {
    const r = await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${readCsvSql(path, delimiter)}`);
    return r.getRowObjectsJS().map((row) => String(row['column_name']));
  } catch (err) {
    throw inputError(`${path}: cannot read as CSV (delimiter "${delimiter}"): ${(err as Error).message}`, err);
  }
}

/**
 * Read a CSV file into `staging`, adding `source_line` (1-based line in the file, header = 1).
 * Malformed records do not stop the load: DuckDB hands them to its rejects table and we return
 * them for quarantine.
 */
export async function stageCsv(conn: DuckDBConnection, path: string, delimiter: string): Promise<Staged> {
  const headers = await csvHeaders(conn, path, delimiter);
  await conn.run('DROP TABLE IF EXISTS crm_rejects; DROP TABLE IF EXISTS crm_reject_scans; DROP TABLE IF EXISTS staging_raw; DROP TABLE IF EXISTS staging');
  try {
    await conn.run(`CREATE TEMP TABLE staging_raw AS SELECT * FROM ${readCsvSql(path, delimiter)}`);
  } catch (err) {
    throw inputError(`${path}: cannot read as CSV: ${(err as Error).message}`, err);
  }
  const rejected = await readRejects(conn);
  await numberLines(conn, headers, rejected.map((r) => r.line));
  const n = await conn.runAndReadAll('SELECT count(*) FROM staging');
  return { headers, accepted: Number(n.getRows()[0]![0]), rejected };
}

async function readRejects(conn: DuckDBConnection): Promise<Staged['rejected']> {
  const r = await conn.runAndReadAll(
    `SELECT line, string_agg(DISTINCT error_message, '; ') AS error, any_value(csv_line) AS text
     FROM crm_rejects GROUP BY line ORDER BY line`,
  );
  return r.getRowObjectsJS().map((row) => ({
    line: Number(row['line']),
    error: String(row['error']),
    text: String(row['text'] ?? ''),
  }));
}

/**
 * DuckDB keeps file order (preserve_insertion_order), so accepted record k sits on the k-th data
 * line that was not rejected. Row ids are offset from the minimum because a table created inside
 * a transaction numbers its rows from a large base, not from 0. Records with quoted line breaks make this a record number instead.
 */
async function numberLines(conn: DuckDBConnection, headers: string[], rejectedLines: number[]): Promise<void> {
  const cols = headers.map(ident).join(', ');
  if (rejectedLines.length === 0) {
    await conn.run(`CREATE TEMP TABLE staging AS SELECT rowid - (SELECT min(rowid) FROM staging_raw) + 2 AS source_line, ${cols} FROM staging_raw`);
  } else {
    await conn.run(
      `CREATE TEMP TABLE staging AS
       WITH good AS (
         SELECT l AS source_line, row_number() OVER (ORDER BY l) - 1 AS k
         FROM range(2, (SELECT count(*) FROM staging_raw) + ${rejectedLines.length} + 2) t(l)
         WHERE l NOT IN (SELECT line FROM crm_rejects)
       )
       SELECT good.source_line, ${headers.map((h) => `s.${ident(h)}`).join(', ')}
       FROM staging_raw s JOIN good ON good.k = s.rowid - (SELECT min(rowid) FROM staging_raw) ORDER BY good.source_line`,
    );
  }
  await conn.run('DROP TABLE staging_raw');
}
