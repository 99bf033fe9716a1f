import { DOUBLE, DuckDBDataChunk, DuckDBInstance, INTEGER } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { appendColumns, readNumberColumns, vectorItems } from '../../src/store/columns.js';

async function memory() {
  return (await DuckDBInstance.create(':memory:')).connect();
}

describe('typed-array columns between DuckDB and JS', () => {
  it('use the whole-vector copy with the pinned @duckdb/node-api (an upgrade that changes its layout fails here, not silently slower)', () => {
    const chunk = DuckDBDataChunk.create([DOUBLE, INTEGER], 4);
    expect(vectorItems(chunk.getColumnVector(0))).toBeInstanceOf(Float64Array);
    expect(vectorItems(chunk.getColumnVector(1))).toBeInstanceOf(Int32Array);
  });

  it('round-trip numbers across several chunks, NULLs reading as 0', async () => {
    const conn = await memory();
    await conn.run('CREATE TABLE t (i INTEGER, x DOUBLE)');
    const n = 5000;
    const i = Int32Array.from({ length: n }, (_, k) => k);
    const x = Float64Array.from({ length: n }, (_, k) => k / 7 - 100);
    await appendColumns(conn, 't', [{ type: INTEGER, values: i }, { type: DOUBLE, values: x }]);
    await conn.run('INSERT INTO t VALUES (5000, NULL)');
    const [ri, rx] = await readNumberColumns(conn, 'SELECT i, x FROM t ORDER BY i');
    expect(ri!.length).toBe(n + 1);
    expect(Array.from(ri!.subarray(0, n))).toEqual(Array.from(i));
    expect(Array.from(rx!.subarray(0, n))).toEqual(Array.from(x));
    expect(rx![n]).toBe(0);
  });
});
