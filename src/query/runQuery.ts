import type { DuckDBConnection, DuckDBType, DuckDBValue } from '@duckdb/node-api';
import { DuckDBTypeId } from '@duckdb/node-api';
import { inputError } from '../util/error.js';
import { ALLOW_FILES_FLAG, isLockedDownRefusal } from './lockDown.js';

export type Cell = string | number | boolean | null | Cell[] | { [k: string]: Cell };

/** A query's result as plain values: columns in order and rows of cells. */
export interface QueryResult {
  columns: string[];
  rows: Cell[][];
}

const NUMERIC = new Set<DuckDBTypeId>([
  DuckDBTypeId.TINYINT, DuckDBTypeId.SMALLINT, DuckDBTypeId.INTEGER, DuckDBTypeId.BIGINT, DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UTINYINT, DuckDBTypeId.USMALLINT, DuckDBTypeId.UINTEGER, DuckDBTypeId.UBIGINT, DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.FLOAT, DuckDBTypeId.DOUBLE, DuckDBTypeId.DECIMAL,
]);

/**
 * Run SQL (with named parameters bound as a prepared statement, never pasted; `types` gives their
 * DuckDB types) and return JSON-ready values: numbers as numbers (64-bit integers beyond 2^53 stay
 * strings so no digit is lost), dates and timestamps as ISO-like text.
 *
 * @example await runQuery(conn, 'select count(*) as n from customer_scores') // { columns: ['n'], rows: [[2500]] }
 */
export async function runQuery(
  conn: DuckDBConnection,
  sql: string,
  params: Record<string, DuckDBValue> = {},
  types?: Record<string, DuckDBType>,
): Promise<QueryResult> {
  let reader;
  try {
    reader = await conn.runAndReadAll(sql, params, types);
  } catch (err) {
    const msg = (err as Error).message;
    if (/read-only/i.test(msg)) {
      throw inputError(`crm query is read-only: this statement would change the database. Add --write to run it (under the writer lock).\n  ${msg}`, err);
    }
    if (isLockedDownRefusal(msg)) {
      throw inputError(
        `crm query cannot read or write files, attach databases, install extensions or change settings: queries run with file access off. ` +
          `Add ${ALLOW_FILES_FLAG} to allow it for this query.\n  ${msg}`,
        err,
      );
    }
    throw inputError(`query failed: ${msg}`, err);
  }
  const columnTypes = reader.columnTypes().map((t) => t.typeId);
  const rows = reader.getRowsJson().map((row) => row.map((v, i) => (NUMERIC.has(columnTypes[i]!) ? toNumber(v) : (v as Cell))));
  return { columns: reader.columnNames(), rows };
}

function toNumber(v: unknown): Cell {
  if (v === null || typeof v === 'number') return v;
  const n = Number(v);
  return Number.isSafeInteger(n) || !/^-?\d+$/.test(String(v)) ? n : String(v);
}
