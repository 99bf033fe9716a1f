import { describe, expect, it } from 'vitest';
import { chooseK, K_CHOICE } from '../../src/cluster/chooseK.js';
import { blobs } from './synthetic.js';

const CORNERS = [
  [0, 0, 0],
  [7, 0, 0],
  [0, 7, 0],
  [0, 0, 7],
  [7, 7, 7],
];

describe('the choice of k for use', () => {
  it('searches 3–8 by default and takes the largest k within the tolerance of the best silhouette', () => {
    // four blobs and a fifth close to one of them: 4 and 5 are both good readings
    const { points } = blobs(4000, [...CORNERS.slice(0, 4), [3, 0, 0]], 1, 11);
    const result = chooseK(points, { seed: 1 });
    expect(result.scores.map((s) => s.k)).toEqual([3, 4, 5, 6, 7, 8]);
    const best = result.scores.find((s) => s.k === result.bestK)!;
    const good = result.scores.filter((s) => s.eligible && s.silhouette >= best.silhouette * (1 - K_CHOICE.tolerance));
    expect(result.k).toBe(Math.max(...good.map((s) => s.k)));
    // here more than the best-separated k: the rule trades a little separation for a usable split
    expect(result.k).toBeGreaterThan(result.bestK!);
    expect(result.reason).toBe('largest_within_tolerance');
    expect(result.fit.k).toBe(result.k);
  });

  it('never uses a k with a cluster under the minimum share, however well separated', () => {
    // three big blobs and a 1% one far away: k = 4 separates best but its fourth cluster is tiny
    const big = blobs(2970, CORNERS.slice(0, 3), 0.7, 4).points;
    const tiny = blobs(30, [[30, 30, 30]], 0.7, 5).points;
    const points = { data: Float64Array.from([...big.data, ...tiny.data]), n: 3000, d: 3 };
    const result = chooseK(points, { kRange: [3, 6], seed: 1 });
    const four = result.scores.find((s) => s.k === 4)!;
    expect(four.minShare).toBeCloseTo(0.01, 3);
    expect(four.eligible).toBe(false);
    expect(result.scores.filter((s) => s.eligible).every((s) => s.minShare >= 0.02)).toBe(true);
    expect(result.k).not.toBe(4);
  });

  it('keeps last run’s k while it is eligible and within the tolerance', () => {
    const { points } = blobs(4000, [...CORNERS.slice(0, 4), [3, 0, 0]], 1, 11);
    const fresh = chooseK(points, { seed: 1 });
    const floor = fresh.scores.find((s) => s.k === fresh.bestK)!.silhouette * (1 - K_CHOICE.tolerance);
    const other = fresh.scores.find((s) => s.eligible && s.silhouette >= floor && s.k !== fresh.k);
    expect(other).toBeDefined();
    const kept = chooseK(points, { seed: 1, previousK: other!.k });
    expect(kept).toMatchObject({ k: other!.k, reason: 'kept_previous' });
    // a previous k that is no longer good enough is not kept
    const poor = fresh.scores.find((s) => s.silhouette < floor)!;
    expect(chooseK(points, { seed: 1, previousK: poor.k }).k).toBe(fresh.k);
  });

  it('falls back to k = 2 only when no k of the range is eligible, and says so', () => {
    // customers at two points only: any third cluster is a single reseeded customer
    const n = 1000;
    const data = Float64Array.from({ length: n * 2 }, (_, x) => (Math.floor(x / 2) < 600 ? 0 : 5));
    const result = chooseK({ data, n, d: 2 }, { seed: 1 });
    expect(result.reason).toBe('only_two');
    expect(result.k).toBe(2);
    expect(result.scores.map((s) => s.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(result.scores.filter((s) => s.eligible).map((s) => s.k)).toEqual([2]);
  });

  it('reports a fixed k as fixed', () => {
    const { points } = blobs(1000, CORNERS, 0.8, 2);
    expect(chooseK(points, { fixedK: 5, seed: 1 })).toMatchObject({ k: 5, reason: 'fixed', bestK: 5 });
  });
});
