import { describe, expect, it } from 'vitest';
import { fitBest } from '../../src/models/fit.js';
import { nelderMead } from '../../src/models/nelderMead.js';
import type { Objective } from '../../src/models/objective.js';
import { bfgs } from '../../src/models/optimize.js';
import { strongWolfe } from '../../src/models/lineSearch.js';

const rosenbrock: Objective = (t, g) => {
  const [x, y] = [t[0]!, t[1]!];
  g[0] = -2 * (1 - x) - 400 * x * (y - x * x);
  g[1] = 200 * (y - x * x);
  return (1 - x) ** 2 + 100 * (y - x * x) ** 2;
};

describe('bfgs', () => {
  it('minimises the Rosenbrock function', () => {
    const r = bfgs(rosenbrock, Float64Array.of(-1.2, 1));
    expect(r.converged).toBe(true);
    expect(r.theta[0]).toBeCloseTo(1, 6);
    expect(r.theta[1]).toBeCloseTo(1, 6);
  });

  it('returns the best point with a message instead of throwing on precision loss', () => {
    // A function flat up to rounding near its minimum: the line search cannot improve on it.
    const noisy: Objective = (t, g) => {
      const v = (t[0]! - 2) ** 2;
      g[0] = 2 * (t[0]! - 2) + 1e-3; // a gradient that is slightly wrong
      return Math.round(v * 1e6) / 1e6;
    };
    const r = bfgs(noisy, Float64Array.of(0));
    expect(Math.abs(r.theta[0]! - 2)).toBeLessThan(1e-2);
    expect(r.message.length).toBeGreaterThan(0);
  });

  it('steps back from regions where the objective overflows', () => {
    // Finite only on (−1, 1): a first trial step of 100 lands at +∞ and must be pulled back.
    const fn: Objective = (t, g) => {
      g[0] = 2 * t[0]!;
      return Math.abs(t[0]!) < 1 ? t[0]! ** 2 : Number.POSITIVE_INFINITY;
    };
    const theta = Float64Array.of(0.9);
    const grad = Float64Array.of(1.8);
    const ls = strongWolfe(fn, theta, 0.81, grad, Float64Array.of(-1), 100);
    expect(ls.ok).toBe(true);
    expect(ls.value).toBeLessThan(0.81);
    expect(bfgs(fn, theta).theta[0]).toBeCloseTo(0, 6);
  });

  it('reports a non-finite start without throwing', () => {
    const r = bfgs(() => Number.NaN, Float64Array.of(0));
    expect(r.converged).toBe(false);
    expect(r.message).toMatch(/not finite/);
  });
});

describe('nelderMead', () => {
  it('minimises without derivatives', () => {
    const r = nelderMead((t) => (t[0]! - 3) ** 2 + 10 * (t[1]! + 1) ** 2, Float64Array.of(0, 0));
    expect(r.converged).toBe(true);
    expect(r.theta[0]).toBeCloseTo(3, 5);
    expect(r.theta[1]).toBeCloseTo(-1, 5);
  });
});

describe('fitBest', () => {
  it('keeps the best of several starts', () => {
    // Two minima: f = (x² − 1)² + 0.2x has its global minimum near x = −1.
    const fn: Objective = (t, g) => {
      const x = t[0]!;
      g[0] = 4 * x * (x * x - 1) + 0.2;
      return (x * x - 1) ** 2 + 0.2 * x;
    };
    const r = fitBest(fn, [Float64Array.of(1), Float64Array.of(-1)]);
    expect(r.theta[0]).toBeLessThan(0);
    expect(r.start).toBe(1);
  });
});
