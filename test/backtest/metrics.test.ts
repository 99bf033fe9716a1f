import { describe, expect, it } from 'vitest';
import { auc, pearson, rmse } from '../../src/backtest/metrics.js';
import { mulberry32 } from '../models/synthetic.js';

/** AUC by counting every positive–negative pair, ties ½: the definition, O(n²). */
function pairwiseAuc(score: Float64Array, positive: Uint8Array): number {
  let wins = 0, pairs = 0;
  for (let i = 0; i < score.length; i++) {
    if (!positive[i]) continue;
    for (let j = 0; j < score.length; j++) {
      if (positive[j]) continue;
      pairs++;
      wins += score[i]! > score[j]! ? 1 : score[i] === score[j] ? 0.5 : 0;
    }
  }
  return wins / pairs;
}

describe('auc (Mann–Whitney)', () => {
  it('is 1 for a perfect ranking, 0 for a reversed one, ½ when every score ties', () => {
    const labels = Uint8Array.of(0, 0, 1, 1);
    expect(auc(Float64Array.of(1, 2, 3, 4), labels)).toBe(1);
    expect(auc(Float64Array.of(4, 3, 2, 1), labels)).toBe(0);
    expect(auc(Float64Array.of(5, 5, 5, 5), labels)).toBe(0.5);
  });

  it('counts ties across classes as ½', () => {
    expect(auc(Float64Array.of(0.1, 0.4, 0.4, 0.8), Uint8Array.of(0, 0, 1, 1))).toBe(0.875);
  });

  it('matches the pairwise definition on heavily tied random data', () => {
    const u = mulberry32(3);
    const score = Float64Array.from({ length: 500 }, () => Math.floor(u() * 12));
    const labels = Uint8Array.from(score, (s) => (u() < 0.2 + s / 20 ? 1 : 0));
    expect(auc(score, labels)).toBeCloseTo(pairwiseAuc(score, labels), 12);
  });

  it('is NaN when a class is empty, and refuses mismatched lengths', () => {
    expect(auc(Float64Array.of(1, 2), Uint8Array.of(1, 1))).toBeNaN();
    expect(() => auc(Float64Array.of(1, 2), Uint8Array.of(1))).toThrow(/2 scores but 1 labels/);
  });
});

describe('pearson and rmse', () => {
  it('compute the textbook values', () => {
    expect(pearson(Float64Array.of(1, 2, 3), Float64Array.of(2, 4, 6))).toBeCloseTo(1, 12);
    expect(pearson(Float64Array.of(1, 2, 3), Float64Array.of(3, 2, 1))).toBeCloseTo(-1, 12);
    expect(pearson(Float64Array.of(1, 2, 3), Float64Array.of(2, 4, 7))).toBeCloseTo(0.99339927, 7);
    expect(rmse(Float64Array.of(1, 2), Float64Array.of(1, 4))).toBeCloseTo(Math.SQRT2, 12);
  });

  it('are NaN when undefined (a constant sample, no data)', () => {
    expect(pearson(Float64Array.of(1, 1, 1), Float64Array.of(1, 2, 3))).toBeNaN();
    expect(rmse(new Float64Array(0), new Float64Array(0))).toBeNaN();
  });
});
