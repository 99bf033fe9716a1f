import { describe, expect, it } from 'vitest';
import { bandOutcomes } from '../../src/backtest/bandOutcomes.js';

describe('per-band backtest outcomes', () => {
  it('count each band and compare its mean predicted risk with the no-order share observed', () => {
    const risk = Float64Array.of(0.1, 0.3, 0.6, 0.7, 0.85, 0.9, 0.95, 0.99);
    const orders = Float64Array.of(2, 0, 1, 0, 0, 0, 1, 0);
    const out = bandOutcomes(risk, orders, { medium: 0.5, high: 0.8 });
    expect(out.map((b) => [b.band, b.customers, b.share])).toEqual([['low', 2, 0.25], ['medium', 2, 0.25], ['high', 4, 0.5]]);
    expect(out[0]!.mean_risk).toBeCloseTo(0.2, 12);
    expect(out[0]!.observed_no_order).toBe(0.5);
    expect(out[1]!.observed_no_order).toBe(0.5);
    expect(out[2]!.mean_risk).toBeCloseTo(0.9225, 12);
    expect(out[2]!.observed_no_order).toBe(0.75);
  });

  it('leave outcomes out when the holdout did not cover the horizon, and empty bands empty', () => {
    const out = bandOutcomes(Float64Array.of(0.9), null, { medium: 0.5, high: 0.8 });
    expect(out).toEqual([
      { band: 'low', customers: 0, share: 0, mean_risk: null, observed_no_order: null },
      { band: 'medium', customers: 0, share: 0, mean_risk: null, observed_no_order: null },
      { band: 'high', customers: 1, share: 1, mean_risk: 0.9, observed_no_order: null },
    ]);
  });
});
