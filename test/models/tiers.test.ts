import { describe, expect, it } from 'vitest';
import { checkModelsConfig, DEFAULT_MODELS } from '../../src/models/config.js';
import { bgnbdNoPurchase } from '../../src/models/bgnbd.js';
import { probNoPurchase } from '../../src/models/churnModel.js';
import { medianWait } from '../../src/models/nextOrder.js';
import { pAlive } from '../../src/models/churnModel.js';
import { churnBands, valueTiers } from '../../src/models/tiers.js';
import type { ChurnModel } from '../../src/models/types.js';

describe('churnBands', () => {
  it('bands by the documented thresholds, a value on a threshold in the higher band', () => {
    expect(Array.from(churnBands(Float64Array.of(0, 0.49, 0.5, 0.79, 0.8, 1), { medium: 0.5, high: 0.8 }))).toEqual([0, 0, 1, 1, 2, 2]);
  });
});

describe('valueTiers', () => {
  it('puts the top 20% in tier 0, the next 30% in tier 1 and the rest in tier 2', () => {
    const v = Float64Array.from({ length: 100 }, (_, i) => 100 - i);
    const t = valueTiers(v, { top: 0.2, mid: 0.3 });
    expect(t.filter((x) => x === 0).length).toBe(20);
    expect(t.filter((x) => x === 1).length).toBe(30);
    expect(t[0]).toBe(0);
    expect(t[99]).toBe(2);
  });

  it('gives tied values the same tier and never ranks a zero value up', () => {
    const t = valueTiers(Float64Array.of(5, 5, 5, 5, 1, 0, 0, 0, 0, 0), { top: 0.2, mid: 0.3 });
    expect(Array.from(t)).toEqual([0, 0, 0, 0, 1, 2, 2, 2, 2, 2]); // the 50% cut-off is the 5th value, 1
    expect(Array.from(valueTiers(new Float64Array(4), { top: 0.2, mid: 0.3 }))).toEqual([2, 2, 2, 2]);
    expect(valueTiers(new Float64Array(0), { top: 0.2, mid: 0.3 })).toHaveLength(0);
  });
});

describe('medianWait', () => {
  const models: ChurnModel[] = [
    { kind: 'bgnbd', r: 0.242594, alpha: 4.413602, a: 0.792922, b: 2.425907 },
    { kind: 'mbgnbd', r: 0.524838, alpha: 6.182992, a: 0.891356, b: 1.613999 },
    { kind: 'nbd', r: 0.5, alpha: 6 },
  ];

  it.each(models)('is where P(no order) crosses ½ ($kind)', (m) => {
    for (const [x, tx, T] of [[0, 0, 2], [3, 20, 22], [40, 38, 39], [300, 100, 100.5]] as const) {
      const p = pAlive(m, x, tx, T);
      const h = medianWait(m, p, x, T);
      if (p <= 0.5) expect(h).toBe(Number.POSITIVE_INFINITY);
      else expect(probNoPurchase(m, x, tx, T, h)).toBeCloseTo(0.5, 10);
    }
  });

  it('is infinite for a customer more likely gone than alive', () => {
    const m = models[0]!;
    expect(bgnbdNoPurchase(m as Extract<ChurnModel, { kind: 'bgnbd' }>, 2, 1, 60, 1e6)).toBeGreaterThan(0.5);
    expect(medianWait(m, pAlive(m, 2, 1, 60), 2, 60)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('checkModelsConfig', () => {
  it('accepts the defaults and names every bad setting', () => {
    expect(() => checkModelsConfig(DEFAULT_MODELS)).not.toThrow();
    expect(() => checkModelsConfig({ ...DEFAULT_MODELS, horizonDays: 0, churnBands: { medium: 0.9, high: 0.5 } })).toThrow(/horizonDays must be 'auto' or a number of days > 0.*churnBands need/);
  });
});
