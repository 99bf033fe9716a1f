import { describe, expect, it } from 'vitest';
import { compressSpend } from '../../src/models/compress.js';
import { fitGammaGamma } from '../../src/models/fitSpend.js';
import { conditionalExpectedSpend } from '../../src/models/gammagamma.js';
import { bandedExpectedSpend, fitSpendBands } from '../../src/models/spendBands.js';
import { spendCorrelation } from '../../src/models/spendCorrelation.js';
import { fitModels } from '../../src/scoring/fitModels.js';
import { scoreCustomers } from '../../src/scoring/scoreCustomers.js';
import { DEFAULT_MODELS } from '../../src/models/config.js';
import { gammaVariate, mulberry32 } from './synthetic.js';

/**
 * Repeat buyers whose true spend per order rises with how often they buy (20 + 6·x on average),
 * each order Gamma-distributed around it: the Gamma-Gamma's independence assumption broken.
 */
function correlated(n: number, seed: number) {
  const u = mulberry32(seed);
  const x = new Float64Array(n), mbar = new Float64Array(n), truth = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = 1 + Math.floor(-Math.log(1 - u()) * 3);
    truth[i] = 20 + 6 * x[i]!;
    let sum = 0;
    for (let k = 0; k < x[i]!; k++) sum += (gammaVariate(u, 4) / 4) * truth[i]!;
    mbar[i] = sum / x[i]!;
  }
  return { x, mbar, truth };
}

const mae = (pred: Float64Array, truth: Float64Array): number => pred.reduce((s, p, i) => s + Math.abs(p - truth[i]!), 0) / pred.length;

describe('the Gamma-Gamma assumption check and its remedy', () => {
  it('finds CDNOW-like independence immaterial and a frequency-linked spend material', () => {
    const d = correlated(4000, 3);
    const c = spendCorrelation(d.x, d.mbar);
    expect(c.customers).toBe(4000);
    expect(c.pearson).toBeGreaterThan(0.3);
    expect(c.material).toBe(true);
    const u = mulberry32(9);
    const independent = Float64Array.from(d.x, () => 20 + 40 * u());
    expect(spendCorrelation(d.x, independent).material).toBe(false);
  });

  it('within frequency bands predicts each buyer\u2019s spend per order closer to the truth than one fit', () => {
    const d = correlated(4000, 5);
    const one = fitGammaGamma(compressSpend(d.x, d.mbar)).params;
    const bands = fitSpendBands(d.x, d.mbar)!;
    expect(bands.length).toBeGreaterThanOrEqual(3);
    expect(bands.reduce((s, b) => s + b.customers, 0)).toBe(4000);
    const single = Float64Array.from(d.x, (x, i) => conditionalExpectedSpend(one, x, d.mbar[i]!));
    const banded = Float64Array.from(d.x, (x, i) => bandedExpectedSpend(bands, one, x, d.mbar[i]!));
    console.info(`spend per order MAE vs truth: one fit ${mae(single, d.truth).toFixed(2)}, banded ${mae(banded, d.truth).toFixed(2)}`);
    expect(mae(banded, d.truth)).toBeLessThan(0.9 * mae(single, d.truth));
    expect(bandedExpectedSpend(bands, one, 0, 0)).toBe(conditionalExpectedSpend(one, 0, 0)); // one-time buyers: the population mean
  });

  it('fitModels applies it when material, says so, and records the bands', () => {
    const d = correlated(2000, 8);
    const n = d.x.length;
    const input = { x: d.x, txDays: d.x.map((x) => x * 30), TDays: d.x.map((x) => x * 30 + 60), mbar: d.mbar, monetary: d.mbar.map((m, i) => m * (d.x[i]! + 1)) };
    const fitted = fitModels(input, { timeUnit: 'week', scoringModel: 'mbgnbd' });
    expect(fitted.spendCorrelation.material).toBe(true);
    expect(fitted.spendBands).not.toBeNull();
    expect(fitted.notes.join('\n')).toMatch(/spend per order is therefore modelled within frequency bands/);
    expect(fitted.fits.find((f) => f.model === 'gammagamma')!.message).toMatch(/fitted again within frequency bands, which score spend per order: x 1: p = /);
    // and scoring values spend per order with the band's fit
    const scores = scoreCustomers(input, fitted, { ...DEFAULT_MODELS, scoringModel: 'mbgnbd', horizonDays: 91 })!;
    for (const i of [0, 1, 2, n - 1]) expect(scores.orderValue[i]).toBeCloseTo(bandedExpectedSpend(fitted.spendBands!, fitted.spend!, d.x[i]!, d.mbar[i]!), 10);
  });
});
