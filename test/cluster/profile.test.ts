import { describe, expect, it } from 'vitest';
import { buildFeatures, featureSpecs } from '../../src/cluster/features.js';
import { kmeans } from '../../src/cluster/kmeans.js';
import { medianInPlace } from '../../src/cluster/median.js';
import { namingThresholds } from '../../src/cluster/nameRules.js';
import { clusterName, uniqueNames } from '../../src/cluster/names.js';
import { profileClusters } from '../../src/cluster/profile.js';
import { mulberry32 } from '../../src/cluster/random.js';
import { quantiles } from '../../src/rfm/quantiles.js';
import { ARCHETYPES, customers } from './synthetic.js';

describe('medianInPlace', () => {
  it('agrees with quantiles(…, [0.5]) (type 7), also on tie-heavy order counts', () => {
    const random = mulberry32(3);
    for (const n of [1, 2, 3, 10, 101, 1000]) {
      const smooth = Float64Array.from({ length: n }, () => random() * 1000);
      const ties = Float64Array.from({ length: n }, () => 1 + Math.floor(-Math.log(1 - random()) * 1.5));
      for (const v of [smooth, ties]) expect(medianInPlace(Float64Array.from(v), 0, n)).toBe(quantiles(v, [0.5])[0]);
    }
    expect(medianInPlace(Float64Array.of(9, 9, 1, 5, 7), 1, 4)).toBe(5);
    expect(medianInPlace(new Float64Array(3), 1, 1)).toBeNaN();
  });
});

describe('cluster names', () => {
  it('read recency, frequency and spend in plain words', () => {
    expect(clusterName('low', 'high', 'high', false)).toBe('recent frequent high spenders');
    expect(clusterName('high', 'low', 'mid', true)).toBe('lapsed one-timers');
    expect(clusterName('mid', 'high', 'mid', false)).toBe('frequent mid spenders');
    expect(clusterName('high', 'low', 'low', false)).toBe('lapsed occasional low spenders');
    expect(clusterName('low', 'low', 'high', true)).toBe('recent high-spend one-timers');
  });

  it('are made unique by the feature that separates same-named clusters most', () => {
    const standardized = Float64Array.of(0, 0.1, 0, 1.2, 0, -1.1, 2, 2);
    const original = Float64Array.of(30, 4, 31, 11.6, 29, 1.04, 3, 50);
    const names = uniqueNames(['mid spenders', 'mid spenders', 'mid spenders', 'recent'], standardized, original, ['recency_days', 'frequency']);
    expect(names).toEqual(['mid spenders (~4 orders)', 'mid spenders (~12 orders)', 'mid spenders (~1 orders)', 'recent']);
    expect(uniqueNames(['a', 'a'], new Float64Array(2), Float64Array.of(1, 1), ['x'])).toEqual(['a (x ~1)', 'a (x ~1) #1']);
  });
});

describe('profileClusters', () => {
  const n = 4000;
  const { recencyDays, frequency, monetary, truth } = customers(n, ARCHETYPES, 12);
  const matrix = buildFeatures(featureSpecs({ recency_days: recencyDays, frequency, monetary }));
  const fit = kmeans(matrix, { k: 4, seed: 1 });
  const segmentIndex = Int16Array.from(truth, (t) => (t === 1 ? 1 : 0));
  const profiles = profileClusters({
    recencyDays,
    frequency,
    monetary,
    labels: fit.labels,
    k: 4,
    centres: fit.centres,
    scale: matrix.scale,
    segment: { index: segmentIndex, names: ['Active', 'Lost'] },
    thresholds: namingThresholds(frequency, monetary, undefined),
  });
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

  it('has sizes summing to n, shares and revenue shares summing to 1, unique names', () => {
    expect(sum(profiles.map((p) => p.size))).toBe(n);
    expect(sum(profiles.map((p) => p.share))).toBeCloseTo(1, 12);
    expect(sum(profiles.map((p) => p.revenueShare))).toBeCloseTo(1, 12);
    expect(new Set(profiles.map((p) => p.name)).size).toBe(4);
  });

  it('reports means and medians in original units, checked against a plain recomputation', () => {
    for (const p of profiles) {
      const members = Array.from(fit.labels.keys()).filter((i) => fit.labels[i] === p.id);
      const pick = (v: Float64Array) => Float64Array.from(members, (i) => v[i]!);
      expect(p.median.recencyDays).toBe(quantiles(pick(recencyDays), [0.5])[0]);
      expect(p.median.monetary).toBe(quantiles(pick(monetary), [0.5])[0]);
      expect(p.mean.frequency).toBeCloseTo(sum([...pick(frequency)]) / members.length, 9);
      expect(p.revenueShare).toBeCloseTo(sum([...pick(monetary)]) / sum([...monetary]), 12);
    }
  });

  it('names the archetypes from their medians against the run’s cut-offs', () => {
    const byName = Object.fromEntries(profiles.map((p) => [p.name, p]));
    expect(byName['recent frequent high spenders']?.centre['frequency']).toBeCloseTo(20, 0);
    expect(byName['lapsed low-spend one-timers']?.centre['recency_days']).toBeCloseTo(400, -1);
  });

  it('finds the dominant RFM segment and its share of the cluster', () => {
    const lost = profiles.find((p) => p.name.includes('one-timers'))!;
    expect(lost.dominantSegment).toEqual({ name: 'Lost', share: 1 });
    expect(profiles.filter((p) => p.dominantSegment?.name === 'Active')).toHaveLength(3);
  });
});
