import type { SpendRows, SummaryRows } from './types.js';

/** Distinct rows of several columns, how many inputs each stands for, and input → row. */
export interface Compressed {
  columns: Float64Array[];
  weight: Float64Array;
  rowOf: Int32Array;
}

/**
 * FNV-1a-style hash of every row, built column by column over each column's raw bits (no per-row
 * closure or scratch copy). −0 hashes as 0 so both land in one row, as they compare equal.
 */
function hashRows(columns: readonly Float64Array[], n: number): Uint32Array {
  const h = new Uint32Array(n).fill(0x811c9dc5);
  for (const col of columns) {
    const bits = new Uint32Array(col.buffer, col.byteOffset, 2 * n);
    for (let i = 0; i < n; i++) {
      const zero = col[i] === 0; // ±0
      const lo = zero ? 0 : bits[2 * i]!;
      const hi = zero ? 0 : bits[2 * i + 1]!;
      let x = Math.imul(h[i]! ^ lo, 0x01000193);
      x = Math.imul(x ^ hi, 0x01000193);
      h[i] = x;
    }
  }
  for (let i = 0; i < n; i++) h[i] = (h[i]! ^ (h[i]! >>> 15)) >>> 0;
  return h;
}

/** Rows i and j hold equal values in every column (exact float equality: NaN never matches). */
function sameRow(columns: readonly Float64Array[], i: number, j: number): boolean {
  for (let k = 0; k < columns.length; k++) if (columns[k]![j] !== columns[k]![i]) return false;
  return true;
}

/**
 * Collapse identical rows across parallel columns (exact float equality). Likelihoods and closed
 * forms then run once per distinct row: CDNOW's 2,357 customers are 1,016 rows, and daily data
 * with one end date compresses far more. Open addressing over typed arrays, no string keys.
 * Rows come out in order of first occurrence.
 *
 * @example compressColumns([Float64Array.of(1, 1, 2)]).weight // Float64Array [2, 1]
 */
export function compressColumns(columns: readonly Float64Array[]): Compressed {
  const n = columns[0]?.length ?? 0;
  if (columns.some((c) => c.length !== n)) throw new RangeError('compressColumns: columns differ in length');
  let size = 2;
  while (size < 2 * n) size *= 2;
  const mask = size - 1;
  const hash = hashRows(columns, n);
  const table = new Int32Array(size).fill(-1);
  const first = new Int32Array(n); // a representative input per row
  const weight = new Float64Array(n);
  const rowOf = new Int32Array(n);
  let rows = 0;
  for (let i = 0; i < n; i++) {
    let slot = hash[i]! & mask;
    for (;;) {
      const row = table[slot]!;
      if (row < 0) {
        table[slot] = rows;
        first[rows] = i;
        rowOf[i] = rows;
        weight[rows++] = 1;
        break;
      }
      if (sameRow(columns, first[row]!, i)) {
        rowOf[i] = row;
        weight[row]!++;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  const out = columns.map((c) => {
    const col = new Float64Array(rows);
    for (let r = 0; r < rows; r++) col[r] = c[first[r]!]! + 0;
    return col;
  });
  return { columns: out, weight: weight.slice(0, rows), rowOf };
}

/** Distinct (x, t_x, T) rows with weights, and customer → row. */
export interface CompressedSummary extends SummaryRows {
  rowOf: Int32Array;
}

/**
 * Compress per-customer (x, t_x, T) for the BG/NBD family.
 *
 * @example compressSummary(x, tx, T).weight.length // number of distinct customers' histories
 */
export function compressSummary(x: Float64Array, tx: Float64Array, T: Float64Array): CompressedSummary {
  const { columns, weight, rowOf } = compressColumns([x, tx, T]);
  return { x: columns[0]!, tx: columns[1]!, T: columns[2]!, weight, rowOf };
}

/** Distinct (x, m̄) rows with weights, and customer → row. */
export interface CompressedSpend extends SpendRows {
  rowOf: Int32Array;
}

/**
 * Compress per-customer (x, m̄) for the Gamma-Gamma model.
 *
 * @example compressSpend(x, mbar).rowOf[7] // the row holding customer 7
 */
export function compressSpend(x: Float64Array, mbar: Float64Array): CompressedSpend {
  const { columns, weight, rowOf } = compressColumns([x, mbar]);
  return { x: columns[0]!, mbar: columns[1]!, weight, rowOf };
}
