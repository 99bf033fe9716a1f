import { kmeans as mlKmeans } from 'ml-kmeans';
import { describe, expect, it } from 'vitest';
import { kmeans } from '../../src/cluster/kmeans.js';
import { kmeansPlusPlus } from '../../src/cluster/kmeansPlusPlus.js';
import { mulberry32 } from '../../src/cluster/random.js';
import { blobs, rows, samePartition, toArrays } from './synthetic.js';

const FOUR = [
  [0, 0, 0],
  [8, 0, 0],
  [0, 8, 0],
  [0, 0, 8],
];

describe('kmeans', () => {
  it('recovers well-separated blobs (labels equal the truth up to renaming)', () => {
    const { points, truth } = blobs(4000, FOUR, 0.7, 11);
    const fit = kmeans(points, { k: 4, seed: 3 });
    expect(samePartition(fit.labels, truth)).toBe(true);
    expect(fit.converged).toBe(true);
    expect([...fit.sizes].reduce((a, b) => a + b, 0)).toBe(4000);
    const found = rows(fit.centres, 3).map((c) => c.map((x) => Math.round(x)).join(',')).sort();
    expect(found).toEqual(FOUR.map((c) => c.join(',')).sort());
  });

  it('is deterministic: same data and seed give identical labels and centres', () => {
    const { points } = blobs(3000, FOUR, 2.5, 5);
    const a = kmeans(points, { k: 5, seed: 42, restarts: 3 });
    const b = kmeans(points, { k: 5, seed: 42, restarts: 3 });
    expect(b.labels).toEqual(a.labels);
    expect(b.centres).toEqual(a.centres);
    expect(b.wcss).toBe(a.wcss);
  });

  it('keeps the restart with the lowest WCSS', () => {
    const { points } = blobs(2000, FOUR, 2.5, 8);
    const one = kmeans(points, { k: 6, seed: 9, restarts: 1 });
    const many = kmeans(points, { k: 6, seed: 9, restarts: 8 });
    expect(many.wcss).toBeLessThanOrEqual(one.wcss);
  });

  it('re-seeds an empty cluster from the farthest point, deterministically', () => {
    const { points } = blobs(500, FOUR.slice(0, 2), 0.5, 2);
    // The third centre is far from every point: it would stay empty without re-seeding.
    const initialCentres = [
      [0, 0, 0],
      [8, 0, 0],
      [100, 100, 100],
    ];
    const a = kmeans(points, { k: 3, initialCentres });
    const b = kmeans(points, { k: 3, initialCentres });
    expect([...a.sizes].every((s) => s > 0)).toBe(true);
    expect(b.labels).toEqual(a.labels);
  });

  it('refuses more clusters than points and malformed starting centres', () => {
    const { points } = blobs(3, FOUR, 1, 1);
    expect(() => kmeans(points, { k: 4 })).toThrow(/at least 4 points/);
    expect(() => kmeans(points, { k: 2, initialCentres: [[0, 0, 0]] })).toThrow(/2 rows of 3/);
  });
});

describe('kmeans agrees with ml-kmeans from the same starting centres (the oracle)', () => {
  // Overlapping blobs and more clusters than blobs: many points change cluster over many
  // iterations, so the bound-skipping assignment is really exercised.
  const { points } = blobs(3000, FOUR, 2.2, 21);
  const data = toArrays(points);

  for (const k of [3, 6]) {
    it(`to convergence, k = ${k}: same labels, centres to 1e-9`, () => {
      const start = kmeansPlusPlus(points, k, mulberry32(k));
      const ours = kmeans(points, { k, initialCentres: start, maxIterations: 300, tolerance: 0 });
      const theirs = mlKmeans(data, k, { initialization: rows(start, 3), maxIterations: 300, tolerance: 0 });
      expect(ours.converged).toBe(true);
      expect(ours.iterations).toBe(theirs.iterations);
      expect(ours.iterations).toBeGreaterThan(5);
      expect([...ours.labels]).toEqual(theirs.clusters);
      rows(ours.centres, 3).forEach((c, i) => c.forEach((x, j) => expect(Math.abs(x - theirs.centroids[i]![j]!)).toBeLessThan(1e-9)));
    });
  }

  it('stopped early by maxIterations: same centres, and our labels are the nearest of those centres', () => {
    const k = 6;
    const start = kmeansPlusPlus(points, k, mulberry32(99));
    const ours = kmeans(points, { k, initialCentres: rows(start, 3), maxIterations: 4, tolerance: 1e-6 });
    const theirs = mlKmeans(data, k, { initialization: rows(start, 3), maxIterations: 4, tolerance: 1e-6 });
    expect(ours.converged).toBe(false);
    rows(ours.centres, 3).forEach((c, i) => c.forEach((x, j) => expect(Math.abs(x - theirs.centroids[i]![j]!)).toBeLessThan(1e-9)));
    // ml-kmeans returns the labels the centres were computed from; ours are re-assigned to the
    // returned centres, which is what KMeansResult.nearest gives.
    expect([...ours.labels]).toEqual(theirs.nearest(data));
  });
});
