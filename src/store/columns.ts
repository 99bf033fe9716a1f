import { DuckDBDataChunk, type DuckDBConnection, type DuckDBType } from '@duckdb/node-api';

type NumberArray = Float64Array | Int32Array | Int16Array | Uint8Array;

/** Plain values for columns that need NULLs or text (e.g. VARCHAR, a DOUBLE that may be missing). */
type ValueArray = readonly (number | string | null)[];

/**
 * Read numeric query columns straight into Float64Arrays (columns in SELECT order). Cast columns
 * to DOUBLE or INTEGER in the SQL: per-customer math runs on typed arrays, not row objects.
 */
export async function readNumberColumns(conn: DuckDBConnection, sql: string): Promise<Float64Array[]> {
  const reader = await conn.runAndReadAll(sql);
  return reader.getColumnsJS().map((col) => Float64Array.from(col as number[]));
}

/** A column to append: its name in the target table, DuckDB type and values. */
export interface AppendColumn {
  type: DuckDBType;
  values: NumberArray | ValueArray;
}

const CHUNK = 2048; // DuckDB's vector size

/**
 * Append aligned typed-array columns to an existing (temp or main) table, chunk by chunk.
 *
 * @example await appendColumns(conn, 'rfm_out', [{ type: INTEGER, values: idx }, { type: TINYINT, values: r }])
 */
export async function appendColumns(conn: DuckDBConnection, table: string, columns: AppendColumn[]): Promise<void> {
  const n = columns[0]?.values.length ?? 0;
  const appender = await conn.createAppender(table);
  try {
    for (let start = 0; start < n; start += CHUNK) {
      const end = Math.min(start + CHUNK, n);
      const chunk = DuckDBDataChunk.create(columns.map((c) => c.type), end - start);
      columns.forEach((c, i) => chunk.setColumnValues(i, Array.isArray(c.values) ? c.values.slice(start, end) : Array.from((c.values as NumberArray).subarray(start, end))));
      appender.appendDataChunk(chunk);
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}
