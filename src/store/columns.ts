import { DuckDBDataChunk, type DuckDBConnection, type DuckDBType, type DuckDBVector } from '@duckdb/node-api';

type NumberArray = Float64Array | Int32Array | Int16Array | Uint8Array;

/** Plain values for columns that need NULLs or text (e.g. VARCHAR, a DOUBLE that may be missing). */
type ValueArray = readonly (number | string | null)[];

/**
 * The typed array behind a numeric vector of @duckdb/node-api (1.5.x keeps it in `items`, and
 * `flush()` copies it to DuckDB), or null for other vectors (BIGINT, VARCHAR, …) or another
 * layout: callers then take the per-value path. Copying a whole vector at once is what makes
 * a million-row column cost milliseconds instead of a JS call per value.
 */
export function vectorItems(vector: DuckDBVector): Float64Array | Float32Array | Int32Array | Int16Array | Int8Array | Uint32Array | Uint16Array | Uint8Array | null {
  const items = (vector as unknown as { items?: unknown }).items;
  const ok = items instanceof Float64Array || items instanceof Float32Array || items instanceof Int32Array || items instanceof Int16Array ||
    items instanceof Int8Array || items instanceof Uint32Array || items instanceof Uint16Array || items instanceof Uint8Array;
  return ok && (items as { length: number }).length === vector.itemCount ? (items as Float64Array) : null;
}

/** True when a vector has no NULLs: no validity mask (the usual case, checked first), or every bit set. */
function allValid(vector: DuckDBVector): boolean {
  if ((vector as unknown as { validity?: { data?: unknown } }).validity?.data === null) return true;
  for (let i = 0; i < vector.itemCount; i++) if (vector.getItem(i) === null) return false;
  return true;
}

/**
 * Read numeric query columns straight into Float64Arrays (columns in SELECT order). Cast columns
 * to DOUBLE or INTEGER in the SQL: per-customer math runs on typed arrays, not row objects. NULL
 * reads as 0. Numeric vectors are copied whole; anything else falls back to per-value reading.
 */
export async function readNumberColumns(conn: DuckDBConnection, sql: string): Promise<Float64Array[]> {
  const result = await conn.run(sql);
  const chunks: DuckDBDataChunk[] = [];
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) chunks.push(chunk);
  const n = chunks.reduce((s, c) => s + c.rowCount, 0);
  const columns = Array.from({ length: result.columnCount }, () => new Float64Array(n));
  let offset = 0;
  for (const chunk of chunks) {
    columns.forEach((out, j) => {
      const vector = chunk.getColumnVector(j);
      const items = vectorItems(vector);
      if (items && allValid(vector)) {
        out.set(items, offset);
      } else {
        for (let i = 0; i < vector.itemCount; i++) {
          const v = vector.getItem(i);
          if (v !== null && typeof v === 'object') throw new Error(`readNumberColumns: column ${j + 1} is not a number (cast it to DOUBLE or INTEGER): ${sql}`);
          out[offset + i] = Number(v ?? 0);
        }
      }
    });
    offset += chunk.rowCount;
  }
  return columns;
}

/** A column to append: its name in the target table, DuckDB type and values. */
export interface AppendColumn {
  type: DuckDBType;
  values: NumberArray | ValueArray;
}

const CHUNK = 2048; // DuckDB's vector size

/**
 * Append aligned typed-array columns to an existing (temp or main) table, chunk by chunk. A typed
 * array is copied into the chunk's vector whole; plain arrays (text, NULLs) go value by value.
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
      columns.forEach((c, i) => {
        if (Array.isArray(c.values)) {
          chunk.setColumnValues(i, c.values.slice(start, end));
          return;
        }
        const values = (c.values as NumberArray).subarray(start, end);
        const vector = chunk.getColumnVector(i);
        const items = vectorItems(vector);
        if (items) {
          items.set(values); // a fresh chunk has no NULLs: only the data needs copying
          vector.flush();
        } else {
          chunk.setColumnValues(i, Array.from(values));
        }
      });
      appender.appendDataChunk(chunk);
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}
