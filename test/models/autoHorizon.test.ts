import { describe, expect, it } from 'vitest';
import { autoHorizon, chooseHorizon, quantileSorted } from '../../src/models/autoHorizon.js';
import { checkModelsConfig, DEFAULT_MODELS } from '../../src/models/config.js';

/** A hand-made summary: `gaps` repeat buyers with x = 2 and these usual gaps, plus one-time buyers. */
function summary(gaps: number[], oneTime = 5): { x: Float64Array; tx: Float64Array } {
  const x = [...gaps.map(() => 2), ...Array<number>(oneTime).fill(0)];
  const tx = [...gaps.map((g) => 2 * g), ...Array<number>(oneTime).fill(0)];
  return { x: Float64Array.from(x), tx: Float64Array.from(tx) };
}

describe('auto churn horizon', () => {
  it('is the 75th percentile of repeat buyers’ usual gap, rounded up to whole weeks', () => {
    // gaps 1..40 days: 75th percentile (type 7) = 1 + 39 × 0.75 = 30.25 → 5 weeks = 35 days
    const s = summary(Array.from({ length: 40 }, (_, i) => i + 1));
    const h = autoHorizon(s.x, s.tx);
    expect(h).toEqual({ source: 'auto', days: 35, cycleDays: 30.25, repeatCustomers: 40, fallback: false });
  });

  it('ignores one-time buyers and clamps to 14–364 days', () => {
    const fast = summary(Array<number>(30).fill(2), 1000);
    expect(autoHorizon(fast.x, fast.tx)).toMatchObject({ days: 14, cycleDays: 2, repeatCustomers: 30 });
    const slow = summary(Array<number>(30).fill(500));
    expect(autoHorizon(slow.x, slow.tx).days).toBe(364);
  });

  it('falls back to 91 days with fewer than 20 repeat buyers, and a set number wins', () => {
    const thin = summary([30, 40, 50]);
    expect(autoHorizon(thin.x, thin.tx)).toEqual({ source: 'auto', days: 91, cycleDays: null, repeatCustomers: 3, fallback: true });
    expect(chooseHorizon(60, thin.x, thin.tx)).toMatchObject({ source: 'set', days: 60 });
  });

  it('quantiles interpolate like DuckDB’s quantile_cont', () => {
    expect(quantileSorted(Float64Array.of(1, 2, 3, 4), 0.75)).toBe(3.25);
    expect(quantileSorted(Float64Array.of(7), 0.75)).toBe(7);
  });

  it('the settings accept auto or a number, and high-value tiers out of top, mid, low', () => {
    expect(() => checkModelsConfig(DEFAULT_MODELS)).not.toThrow();
    expect(DEFAULT_MODELS.horizonDays).toBe('auto');
    expect(DEFAULT_MODELS.highValueTiers).toEqual(['top']);
    expect(() => checkModelsConfig({ ...DEFAULT_MODELS, horizonDays: 90 })).not.toThrow();
    expect(() => checkModelsConfig({ ...DEFAULT_MODELS, horizonDays: 'weekly' as never })).toThrow(/horizonDays must be 'auto' or a number/);
    expect(() => checkModelsConfig({ ...DEFAULT_MODELS, highValueTiers: [] })).toThrow(/highValueTiers must list distinct tiers/);
    expect(() => checkModelsConfig({ ...DEFAULT_MODELS, highValueTiers: ['gold' as never] })).toThrow(/highValueTiers/);
    expect(() => checkModelsConfig({ ...DEFAULT_MODELS, highValueTiers: ['top', 'mid'] })).not.toThrow();
  });
});
