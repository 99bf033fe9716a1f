import { describe, expect, it } from 'vitest';
import { clusterCustomers } from '../../src/cluster/clusterCustomers.js';
import { quantileInPlace, quantilesOf } from '../../src/cluster/quantile.js';
import { OUTLIER_RULE, setAside } from '../../src/cluster/setAside.js';
import { quantiles } from '../../src/rfm/quantiles.js';
import { mulberry32 } from '../../src/cluster/random.js';
import { ARCHETYPES, customers } from './synthetic.js';

describe('quantileInPlace', () => {
  it('agrees with the RFM quantiles (type 7), on smooth and tie-heavy values', () => {
    const random = mulberry32(5);
    for (const n of [1, 2, 7, 100, 1001]) {
      const smooth = Float64Array.from({ length: n }, () => random() * 100);
      const ties = Float64Array.from({ length: n }, () => 1 + Math.floor(random() * 3));
      for (const v of [smooth, ties]) {
        for (const p of [0, 0.25, 0.5, 0.75, 1]) expect(quantileInPlace(Float64Array.from(v), 0, n, p)).toBeCloseTo(quantiles(v, [p])[0]!, 12);
      }
    }
  });
});

describe('setAside', () => {
  const base = customers(3000, ARCHETYPES, 21);
  // 40 customers with no net spend (returns cancelled purchases), 5 extreme buyers, 3 house accounts
  const n = base.monetary.length + 48;
  const grow = (v: Float64Array, tail: number[]) => Float64Array.from([...v, ...tail]);
  const zero = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 0 : -5));
  const input = {
    recencyDays: grow(base.recencyDays, [...zero.map(() => 60), 3, 4, 5, 6, 7, 10, 20, 30]),
    frequency: grow(base.frequency, [...zero.map(() => 1), 900, 1200, 800, 1000, 950, 30, 25, 40]),
    monetary: grow(base.monetary, [...zero, 9e6, 1.2e7, 8e6, 1e7, 9.5e6, 5e5, 4e5, 6e5]),
    houseAccount: Uint8Array.from({ length: n }, (_, i) => (i >= n - 3 ? 1 : 0)),
  };

  it('names, counts and never clusters house accounts, customers with no net spend and extreme outliers', () => {
    const aside = setAside(input);
    expect(aside.counts).toEqual([3, 40, 5]);
    expect(aside.kept.length).toBe(3000);
    for (let i = 3000; i < 3040; i++) expect(aside.code[i]).toBe(2);
    for (let i = 3040; i < 3045; i++) expect(aside.code[i]).toBe(3);
    for (let i = 3045; i < n; i++) expect(aside.code[i]).toBe(1);
    // the fence is Q3 + 3·IQR of log1p(value) over the candidates (no house account, net spend > 0)
    const logs = Float64Array.from([...input.monetary].slice(0, 3000).concat([9e6, 1.2e7, 8e6, 1e7, 9.5e6]), (m) => Math.log1p(m));
    const [q1, q3] = quantiles(logs, [0.25, 0.75]) as [number, number];
    expect(aside.fences['monetary']).toBeCloseTo(Math.expm1(q3 + OUTLIER_RULE.fence * Math.max(q3 - q1, OUTLIER_RULE.minIqr)), 6);
  });

  it('keeps the set-aside customers out of every cluster and reports them as groups', () => {
    const result = clusterCustomers(input, { seed: 1 });
    expect(result.k).toBe(4);
    for (let i = 3000; i < n; i++) expect(result.labels[i]).toBe(-1);
    expect(result.profiles.reduce((s, p) => s + p.size, 0)).toBe(3000);
    expect(result.setAside.groups.map((g) => [g.reason, g.customers])).toEqual([['house_account', 3], ['no_net_spend', 40], ['outlier', 5]]);
    const none = result.setAside.groups.find((g) => g.reason === 'no_net_spend')!;
    expect(none.share).toBeCloseTo(40 / n, 12);
    expect(none.median.monetary).toBe(-2.5); // half 0, half −5
    // the clusters are those of the clean base alone: the extremes did not move a centre
    const clean = clusterCustomers(base, { seed: 1 });
    expect(result.centres).toEqual(clean.centres);
  });

  it('does not call the usual spread of a one-order base extreme', () => {
    const f = Float64Array.from({ length: 1000 }, (_, i) => (i < 800 ? 1 : 2 + (i % 6)));
    const m = Float64Array.from(f, (x, i) => 20 * x + (i % 7));
    expect(setAside({ frequency: f, monetary: m }).counts).toEqual([0, 0, 0]);
  });
});

describe('quantilesOf', () => {
  it('gives the same quantiles for whole numbers (counted) as for the same values selected', () => {
    const random = mulberry32(9);
    for (const n of [1, 2, 5, 100, 2001]) {
      const counts = Float64Array.from({ length: n }, () => 1 + Math.floor(-Math.log(1 - random()) * 3));
      const ps = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1];
      const expected = quantiles(counts, ps);
      expect(quantilesOf(counts, ps)).toEqual(expected);
      // the same values, made non-whole by a tiny shift, take the selection path
      const shifted = Float64Array.from(counts, (x) => x + 0.5);
      quantilesOf(shifted, ps).forEach((q, j) => expect(q).toBeCloseTo(expected[j]! + 0.5, 9));
    }
  });
});
