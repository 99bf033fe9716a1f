import type { SpendRows, SummaryRows } from './types.js';

/** Distinct rows of several columns, how many inputs each stands for, and input → row. */
export interface Compressed {
  columns: Float64Array[];
  weight: Float64Array;
  rowOf: Int32Array;
}

const scratch = new Float64Array(1);
const bits = new Uint32Array(scratch.buffer);

function hashRow(columns: readonly Float64Array[], i: number): number {
  let h = 0x811c9dc5;
  for (const col of columns) {
    scratch[0] = col[i]! + 0; // + 0 turns −0 into 0 so both land in one row
    h = Math.imul(h ^ bits[0]!, 0x01000193);
    h = Math.imul(h ^ bits[1]!, 0x01000193);
  }
  return (h ^ (h >>> 15)) >>> 0;
}

/**
 * Collapse identical rows across parallel columns (exact float equality). Likelihoods and closed
 * forms then run once per distinct row: CDNOW's 2,357 customers are 1,016 rows, and daily data
 * with one end date compresses far more. Open addressing over typed arrays, no string keys.
 *
 * @example compressColumns([Float64Array.of(1, 1, 2)]).weight // Float64Array [2, 1]
 */
export function compressColumns(columns: readonly Float64Array[]): Compressed {
  const n = columns[0]?.length ?? 0;
  if (columns.some((c) => c.length !== n)) throw new RangeError('compressColumns: columns differ in length');
  let size = 2;
  while (size < 2 * n) size *= 2;
  const table = new Int32Array(size).fill(-1);
  const first = new Int32Array(n); // a representative input per row
  const weight = new Float64Array(n);
  const rowOf = new Int32Array(n);
  let rows = 0;
  for (let i = 0; i < n; i++) {
    let slot = hashRow(columns, i) & (size - 1);
    for (;;) {
      const row = table[slot]!;
      if (row < 0) {
        table[slot] = rows;
        first[rows] = i;
        rowOf[i] = rows;
        weight[rows++] = 1;
        break;
      }
      const j = first[row]!;
      if (columns.every((c) => c[j] === c[i])) {
        rowOf[i] = row;
        weight[row]!++;
        break;
      }
      slot = (slot + 1) & (size - 1);
    }
  }
  const pick = first.subarray(0, rows);
  return {
    columns: columns.map((c) => Float64Array.from(pick, (j) => c[j]! + 0)),
    weight: weight.slice(0, rows),
    rowOf,
  };
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
