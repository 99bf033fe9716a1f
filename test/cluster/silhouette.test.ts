import { describe, expect, it } from 'vitest';
import { chooseK } from '../../src/cluster/chooseK.js';
import { kmeans } from '../../src/cluster/kmeans.js';
import { silhouette } from '../../src/cluster/silhouette.js';
import { blobs, toArrays } from './synthetic.js';

/** The textbook definition, O(n²), written plainly: the oracle for small n. */
function textbookSilhouette(points: number[][], labels: Int32Array): number {
  const dist = (a: number[], b: number[]) => Math.hypot(...a.map((x, j) => x - b[j]!));
  const clusters = [...new Set(labels)];
  const s = points.map((p, i) => {
    const meanTo = (c: number) => {
      const others = points.filter((_, j) => labels[j] === c && j !== i);
      return others.length === 0 ? Number.NaN : others.reduce((acc, q) => acc + dist(p, q), 0) / others.length;
    };
    if (labels.filter((l) => l === labels[i]).length === 1) return 0;
    const a = meanTo(labels[i]!);
    const b = Math.min(...clusters.filter((c) => c !== labels[i]).map(meanTo));
    return (b - a) / Math.max(a, b);
  });
  return s.reduce((acc, x) => acc + x, 0) / s.length;
}

describe('silhouette', () => {
  it('equals the textbook definition when the sample covers every point', () => {
    const { points } = blobs(300, [[0, 0], [3, 0], [0, 3]], 1.2, 4);
    const { labels } = kmeans(points, { k: 4, seed: 1 });
    expect(silhouette(points, labels, 4, { sampleSize: 300 })).toBeCloseTo(textbookSilhouette(toArrays(points), labels), 12);
  });

  it('scores a singleton cluster 0, as Rousseeuw defines it', () => {
    const points = { data: Float64Array.of(0, 0.1, 0.2, 10), n: 4, d: 1 };
    const labels = Int32Array.of(0, 0, 0, 1);
    expect(silhouette(points, labels, 2)).toBeCloseTo(textbookSilhouette(toArrays(points), labels), 12);
  });

  it('estimates from a seeded sample: close to the full value, and the same for the same seed', () => {
    const { points } = blobs(6000, [[0, 0], [4, 0], [0, 4]], 1, 6);
    const { labels } = kmeans(points, { k: 3, seed: 1 });
    const sampled = silhouette(points, labels, 3, { sampleSize: 1500, seed: 7 });
    expect(sampled).toBe(silhouette(points, labels, 3, { sampleSize: 1500, seed: 7 }));
    expect(sampled).toBeCloseTo(silhouette(points, labels, 3, { sampleSize: 6000 }), 1);
  });

  it('is NaN when the sample holds a single cluster', () => {
    const { points } = blobs(50, [[0, 0]], 1, 1);
    expect(silhouette(points, new Int32Array(50), 2)).toBeNaN();
  });
});

describe('chooseK', () => {
  const centres = [
    [0, 0, 0],
    [7, 0, 0],
    [0, 7, 0],
    [0, 0, 7],
    [7, 7, 7],
  ];

  for (const trueK of [3, 5]) {
    it(`picks the true k (${trueK}) of well-separated blobs by silhouette, reporting every k`, () => {
      const { points } = blobs(3000, centres.slice(0, trueK), 0.8, trueK);
      const result = chooseK(points, { kRange: [2, 8], seed: 1 });
      expect(result.k).toBe(trueK);
      expect(result.scores.map((s) => s.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
      const best = Math.max(...result.scores.map((s) => s.silhouette));
      expect(result.scores.find((s) => s.k === trueK)!.silhouette).toBe(best);
      expect(result.fit.k).toBe(trueK);
    });
  }

  it('fits each k the same whatever else is in the range (per-k seeds)', () => {
    const { points } = blobs(1500, centres, 1.5, 3);
    const wide = chooseK(points, { kRange: [2, 6], seed: 4 }).scores.find((s) => s.k === 4)!;
    const narrow = chooseK(points, { kRange: [4, 4], seed: 4 }).scores[0]!;
    expect(narrow).toEqual(wide);
  });

  it('uses a fixed k when configured, still reporting its silhouette', () => {
    const { points } = blobs(1000, centres, 0.8, 2);
    const result = chooseK(points, { fixedK: 3, seed: 1 });
    expect(result.k).toBe(3);
    expect(result.scores).toHaveLength(1);
    expect(result.scores[0]!.silhouette).toBeGreaterThan(0);
  });

  it('caps the range at n and refuses impossible ranges', () => {
    const { points } = blobs(4, centres, 0.8, 2);
    expect(chooseK(points, { kRange: [2, 8] }).scores.map((s) => s.k)).toEqual([2, 3, 4]);
    expect(() => chooseK(points, { kRange: [1, 3] })).toThrow(/2 ≤ min ≤ max/);
    expect(() => chooseK(points, { fixedK: 5 })).toThrow(/at least 5 customers/);
  });
});
