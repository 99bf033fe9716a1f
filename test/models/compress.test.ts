import { describe, expect, it } from 'vitest';
import { compressColumns, compressSpend, compressSummary } from '../../src/models/compress.js';
import { readSummaryCsv } from './cdnow.js';

describe('compress', () => {
  it('collapses CDNOW 2,357 customers into 1,016 distinct (x, t_x, T) rows', () => {
    const s = readSummaryCsv();
    const c = compressSummary(s.x, s.tx, s.T);
    expect(c.x.length).toBe(1016);
    expect(c.weight.reduce((a, w) => a + w, 0)).toBe(2357);
    for (let i = 0; i < s.x.length; i++) {
      const r = c.rowOf[i]!;
      expect([c.x[r], c.tx[r], c.T[r]]).toEqual([s.x[i], s.tx[i], s.T[i]]);
    }
  });

  it('keeps first-seen order, merges −0 with 0, and weights rows by their count', () => {
    const c = compressColumns([Float64Array.of(1, 0, 1, -0, 2), Float64Array.of(5, 0, 5, 0, 5)]);
    expect(c.columns.map((col) => [...col])).toEqual([[1, 0, 2], [5, 0, 5]]);
    expect([...c.weight]).toEqual([2, 2, 1]);
    expect([...c.rowOf]).toEqual([0, 1, 0, 1, 2]);
    expect(Object.is(c.columns[0]![1], -0)).toBe(false);
  });

  it('handles empty input and (x, m̄) pairs', () => {
    expect(compressColumns([new Float64Array(0)]).weight.length).toBe(0);
    const s = compressSpend(Float64Array.of(0, 2, 2), Float64Array.of(0, 22.35, 22.35));
    expect([...s.weight]).toEqual([1, 2]);
  });

  it('compresses a million customers with daily integer times quickly', () => {
    const n = 1_000_000;
    const x = new Float64Array(n), tx = new Float64Array(n), T = new Float64Array(n);
    let seed = 7;
    const rnd = (k: number): number => ((seed = (seed * 1103515245 + 12345) >>> 0) % k);
    for (let i = 0; i < n; i++) {
      T[i] = rnd(730);
      x[i] = rnd(4) === 0 ? rnd(12) : 0;
      tx[i] = x[i]! > 0 ? rnd(T[i]! + 1) : 0;
    }
    const t0 = performance.now();
    const c = compressSummary(x, tx, T);
    const ms = performance.now() - t0;
    expect(c.weight.reduce((a, w) => a + w, 0)).toBe(n);
    expect(c.x.length).toBeLessThan(n / 3);
    expect(ms).toBeLessThan(5000); // typically ~0.2 s; generous for slow CI machines
  });
});
