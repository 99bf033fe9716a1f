import { describe, expect, it } from 'vitest';
import { bgnbdLogLikelihood } from '../../src/models/bgnbd.js';
import { compressSpend, compressSummary } from '../../src/models/compress.js';
import { fitChurnModel } from '../../src/models/fitChurn.js';
import { fitGammaGamma } from '../../src/models/fitSpend.js';
import { gammaGammaLogLikelihood } from '../../src/models/gammagamma.js';
import { SEARCH_ROWS, subsampleRows } from '../../src/models/subsample.js';
import type { BgParams } from '../../src/models/types.js';
import { mulberry32, simulate } from './synthetic.js';

describe('subsampleRows', () => {
  it('keeps about the limit, deterministically, and every column aligned', () => {
    const n = 100_000;
    const a = Float64Array.from({ length: n }, (_, i) => i);
    const s = subsampleRows({ a, b: a.map((v) => 2 * v) }, 20_000);
    expect(Math.abs(s.a.length - 20_000)).toBeLessThan(600);
    expect(s.b.every((v, i) => v === 2 * s.a[i]!)).toBe(true);
    expect(subsampleRows({ a, b: a }, 20_000).a).toEqual(s.a);
    expect(subsampleRows({ a: Float64Array.of(1, 2) }, 5).a).toEqual(Float64Array.of(1, 2));
  });
});

describe('fits on large tables (multi-start on a subsample, polished on all rows)', () => {
  const truth: BgParams = { r: 0.6, alpha: 8, a: 0.9, b: 2.5 };
  const data = simulate({ customers: 120_000, r: truth.r, alpha: truth.alpha, dropout: { a: truth.a, b: truth.b }, maxT: 104, seed: 5 });
  const rows = compressSummary(data.x, data.tx, data.T);

  it('reach a stationary point of the full likelihood at least as good as the truth', () => {
    expect(rows.x.length).toBeGreaterThan(SEARCH_ROWS);
    const t0 = performance.now();
    const fit = fitChurnModel('bgnbd', rows);
    const ms = performance.now() - t0;
    console.info(`BG/NBD on ${rows.x.length} rows (120,000 customers): ${ms.toFixed(0)} ms`);
    expect(fit.params.kind).toBe('bgnbd');
    expect(fit.converged).toBe(true);
    const p = fit.params as BgParams;
    const grad = new Float64Array(4);
    const ll = bgnbdLogLikelihood(p, rows, grad);
    expect(ll).toBeCloseTo(fit.logLikelihood, 6);
    expect(ll).toBeGreaterThanOrEqual(bgnbdLogLikelihood(truth, rows));
    for (const g of grad) expect(Math.abs(g) / 120_000).toBeLessThan(1e-5);
    expect(Math.abs(p.r / truth.r - 1)).toBeLessThan(0.1);
    expect(Math.abs(p.alpha / truth.alpha - 1)).toBeLessThan(0.1);
    // a warm start at the optimum lands on the same optimum
    const warm = fitChurnModel('bgnbd', rows, { warmStart: p });
    expect(warm.logLikelihood).toBeGreaterThanOrEqual(fit.logLikelihood - 1e-6);
  });

  it('Gamma-Gamma too', () => {
    const u = mulberry32(9);
    const x = Float64Array.from({ length: 60_000 }, () => 1 + Math.floor(u() * 20));
    const mbar = Float64Array.from(x, () => 5 + Math.round(u() * 10_000) / 100);
    const rows = compressSpend(x, mbar);
    expect(rows.x.length).toBeGreaterThan(SEARCH_ROWS);
    const fit = fitGammaGamma(rows);
    expect(fit.converged).toBe(true);
    const grad = new Float64Array(3);
    gammaGammaLogLikelihood(fit.params, rows, grad);
    for (const g of grad) expect(Math.abs(g) / 60_000).toBeLessThan(1e-5);
  });
});
