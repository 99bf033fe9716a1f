import { describe, expect, it } from 'vitest';
import { quantiles } from '../../src/rfm/quantiles.js';
import { binOf, scoreMetric } from '../../src/rfm/score.js';
import { withTempDb } from '../helpers/db.js';

describe('quantiles', () => {
  it('interpolates like DuckDB quantile_cont (type 7), the oracle', async () => {
    const values = Float64Array.from({ length: 997 }, (_, i) => Math.round(Math.exp(Math.sin(i) * 3) * 100) / 100);
    const probs = [0.2, 0.4, 0.6, 0.8];
    await withTempDb(async (conn) => {
      await conn.run('CREATE TABLE v (x DOUBLE)');
      for (const x of values) await conn.run('INSERT INTO v VALUES ($x)', { x });
      const r = await conn.runAndReadAll('SELECT quantile_cont(x, [0.2, 0.4, 0.6, 0.8]) FROM v');
      const expected = (r.getRowsJS()[0]![0] as number[]).map(Number);
      quantiles(values, probs).forEach((q, i) => expect(q).toBeCloseTo(expected[i]!, 10));
    });
  });

  it('gives NaN for no values rather than inventing edges', () => {
    expect(quantiles(new Float64Array(0), [0.5])).toEqual([Number.NaN]);
  });
});

describe('binOf', () => {
  it('puts a value equal to an edge in the lower bin, so ties never split', () => {
    const edges = [10, 20, 20, 30];
    expect([5, 10, 10.5, 20, 25, 30, 31].map((v) => binOf(v, edges))).toEqual([0, 0, 1, 1, 3, 3, 4]);
  });
});

describe('scoreMetric', () => {
  it('scores quintiles 1..5 with 5 best for frequency and spend', () => {
    const v = Float64Array.from({ length: 10 }, (_, i) => i + 1);
    expect([...scoreMetric(v, true).scores]).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('inverts recency: the most recent customers score 5', () => {
    const v = Float64Array.from({ length: 10 }, (_, i) => i * 7);
    expect([...scoreMetric(v, false).scores]).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it('gives equal values equal scores whatever their order, with heavy ties at one value', () => {
    // 60% one-time buyers: they all share the lowest score; the rest spread above
    const f = Float64Array.of(1, 3, 1, 1, 2, 1, 5, 1, 1, 8);
    const { scores, edges } = scoreMetric(f, true);
    expect(edges.slice(0, 2)).toEqual([1, 1]);
    const byValue = new Map<number, Set<number>>();
    f.forEach((x, i) => byValue.set(x, (byValue.get(x) ?? new Set()).add(scores[i]!)));
    for (const s of byValue.values()) expect(s.size).toBe(1);
    expect(scores[0]).toBe(1);
    expect(scores[9]).toBe(5);
    const reversed = scoreMetric(Float64Array.from(f).reverse(), true).scores;
    expect([...reversed].reverse()).toEqual([...scores]);
  });

  it('scores a constant metric as one bin (all 1, or all 5 for recency)', () => {
    const v = new Float64Array(7).fill(4);
    expect(new Set(scoreMetric(v, true).scores)).toEqual(new Set([1]));
    expect(new Set(scoreMetric(v, false).scores)).toEqual(new Set([5]));
  });
});
