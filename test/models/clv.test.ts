import { describe, expect, it } from 'vitest';
import { conditionalExpectedPurchases, pAlive, probNoPurchase } from '../../src/models/churnModel.js';
import { clv, discountedPurchases, type ClvOptions } from '../../src/models/clv.js';
import { conditionalExpectedSpend } from '../../src/models/gammagamma.js';
import { scoreModels } from '../../src/models/scoreModels.js';
import type { ChurnModel } from '../../src/models/types.js';
import { unitsPerMonth } from '../../src/models/units.js';
import { readSummaryCsv, relErr } from './cdnow.js';
import { mulberry32 } from './synthetic.js';

const BG: ChurnModel = { kind: 'bgnbd', r: 0.242594, alpha: 4.413602, a: 0.792922, b: 2.425907 };
const MBG: ChurnModel = { kind: 'mbgnbd', r: 0.524838, alpha: 6.182992, a: 0.891356, b: 1.613999 };
const NBD: ChurnModel = { kind: 'nbd', r: 0.5, alpha: 6 };
const GG = { p: 6.24957, q: 3.74422, gamma: 15.44352 };
const yearly = (f: number): ClvOptions => ({ months: 12, monthlyDiscount: 0.01, margin: 1, unitsPerMonth: f });

describe('CLV', () => {
  const spend1 = conditionalExpectedSpend(GG, 2, 22.35); // CDNOW customer 1

  it('gives 36.28 for CDNOW customer 1 over 12 months at 1%/month with the weekly factor', () => {
    const v = clv(BG, spend1, 2, 30.43, 38.86, yearly(4.348));
    expect(relErr(v, 36.28)).toBeLessThan(1e-3);
    // 36.28 exactly is lifetimes' weekly factor 4.345; 30.4375/7 = 4.3482 gives 36.30.
    expect(clv(BG, spend1, 2, 30.43, 38.86, yearly(4.345))).toBeCloseTo(36.28, 2);
    expect(clv(BG, spend1, 2, 30.43, 38.86, yearly(unitsPerMonth('week')))).toBeCloseTo(36.30, 2);
  });

  it('shows the time-unit confusion of lifetimes#194: a daily factor on a weekly model gives ~140', () => {
    expect(clv(BG, spend1, 2, 30.43, 38.86, yearly(30))).toBeCloseTo(140.09, 1);
  });

  it('is the same model-independent value in days and in weeks', () => {
    const days: ChurnModel = { ...BG, alpha: (BG as { alpha: number }).alpha * 7 };
    const inDays = clv(days, spend1, 2, 30.43 * 7, 38.86 * 7, yearly(unitsPerMonth('day')));
    expect(relErr(inDays, clv(BG, spend1, 2, 30.43, 38.86, yearly(unitsPerMonth('week'))))).toBeLessThan(1e-12);
  });

  it('is 0 for a zero horizon or margin, and never negative', () => {
    expect(clv(BG, spend1, 2, 30.43, 38.86, { ...yearly(4.348), months: 0 })).toBe(0);
    expect(clv(BG, spend1, 2, 30.43, 38.86, { ...yearly(4.348), margin: 0 })).toBe(0);
    expect(clv(BG, -5, 2, 30.43, 38.86, yearly(4.348))).toBe(0);
  });

  it('discounting lowers value, and undiscounted it equals margin × spend × CET(H·f)', () => {
    const o = { ...yearly(4.348), monthlyDiscount: 0 };
    expect(discountedPurchases(BG, 2, 30.43, 38.86, o)).toBeCloseTo(conditionalExpectedPurchases(BG, 2, 30.43, 38.86, 12 * 4.348), 12);
    expect(discountedPurchases(BG, 2, 30.43, 38.86, yearly(4.348))).toBeLessThan(discountedPurchases(BG, 2, 30.43, 38.86, o));
  });
});

describe('properties over random customers and parameters', () => {
  const u = mulberry32(2024);
  const models: ChurnModel[] = [
    BG, MBG, NBD,
    { kind: 'bgnbd', r: 0.11, alpha: 2.24, a: 0.31, b: 0.5 }, // a + b < 1
    { kind: 'mbgnbd', r: 0.11, alpha: 2.24, a: 0.31, b: 0.5 },
    { kind: 'bgnbd', r: 3, alpha: 0.5, a: 1, b: 0.2 }, // a = 1 exactly
    { kind: 'bgnbd', r: 0.8, alpha: 10, a: 7e6, b: 2.8e9 }, // near-degenerate dropout
    { kind: 'mbgnbd', r: 0.05, alpha: 300, a: 25, b: 0.01 },
  ];
  const customers = Array.from({ length: 300 }, () => {
    const T = u() < 0.1 ? 0 : u() * 200;
    const x = u() < 0.3 ? 0 : u() < 0.05 ? 200 + Math.floor(u() * 600) : Math.floor(u() * 40);
    return { x, tx: x === 0 ? 0 : u() * T, T };
  });

  it('P(alive) ∈ [0, 1]; churn risk ∈ [0, 1]; expected orders ≥ 0 and non-decreasing in the horizon', () => {
    for (const m of models) {
      for (const c of customers) {
        const p = pAlive(m, c.x, c.tx, c.T);
        expect(p >= 0 && p <= 1, `${m.kind} ${JSON.stringify(c)}`).toBe(true);
        let prev = 0;
        for (const h of [0, 1, 4, 13, 52, 260, 1000]) {
          const e = conditionalExpectedPurchases(m, c.x, c.tx, c.T, h);
          expect(Number.isFinite(e) && e >= prev * (1 - 1e-12) && e >= 0, `${JSON.stringify(m)} ${JSON.stringify(c)} h=${h}: ${e} after ${prev}`).toBe(true);
          prev = e;
          const risk = probNoPurchase(m, c.x, c.tx, c.T, h);
          expect(risk >= 0 && risk <= 1, `${m.kind} risk ${risk}`).toBe(true);
        }
      }
    }
  });

  it('CLV is finite and ≥ 0 with q near 1, heavy buyers and awkward parameters', () => {
    for (const m of models) {
      for (const c of customers) {
        for (const gg of [GG, { p: 0.5, q: 1 + 1e-9, gamma: 3 }, { p: 40, q: 200, gamma: 1e4 }]) {
          const spend = conditionalExpectedSpend(gg, c.x, 10 + 90 * u());
          const v = clv(m, spend, c.x, c.tx, c.T, { months: 24, monthlyDiscount: 0.02, margin: 0.3, unitsPerMonth: 4.348 });
          expect(Number.isFinite(v) && v >= 0, `${JSON.stringify(m)} ${JSON.stringify(c)} → ${v}`).toBe(true);
        }
      }
    }
  });
});

describe('scoreModels', () => {
  const s = readSummaryCsv();
  const options = { horizon: 13, clv: yearly(4.348) };

  it('scores per distinct row and scatters back exactly what per-customer evaluation gives', () => {
    const out = scoreModels({ x: s.x, tx: s.tx, T: s.T, mbar: s.mbar }, BG, GG, options);
    for (const i of [0, 1, 5, 100, 2356]) {
      const [x, tx, T] = [s.x[i]!, s.tx[i]!, s.T[i]!];
      const value = conditionalExpectedSpend(GG, x, s.mbar[i]!);
      expect(out.pAlive[i]).toBe(pAlive(BG, x, tx, T));
      expect(out.churnRisk[i]).toBe(probNoPurchase(BG, x, tx, T, 13));
      expect(out.expectedOrders[i]).toBe(conditionalExpectedPurchases(BG, x, tx, T, 13));
      expect(out.orderValue[i]).toBe(value);
      expect(out.predictedSpend[i]).toBeCloseTo(out.expectedOrders[i]! * value, 12);
      expect(out.clv[i]).toBeCloseTo(clv(BG, value, x, tx, T, options.clv), 10);
    }
    expect(relErr(out.clv[0]!, 36.28)).toBeLessThan(1e-3);
    for (const col of Object.values(out)) expect(col.every((v: number) => Number.isFinite(v) && v >= 0)).toBe(true);
  });

  it('with the MBG/NBD, one-time buyers are not ranked the safest customers', () => {
    const out = scoreModels({ x: s.x, tx: s.tx, T: s.T, mbar: s.mbar }, MBG, GG, options);
    const mean = (pick: (i: number) => boolean): number => {
      let sum = 0, n = 0;
      out.churnRisk.forEach((v, i) => {
        if (pick(i)) {
          sum += v;
          n++;
        }
      });
      return sum / n;
    };
    const oneTime = mean((i) => s.x[i] === 0);
    const recentRegulars = mean((i) => s.x[i]! >= 3 && s.T[i]! - s.tx[i]! < 4);
    expect(oneTime).toBeGreaterThan(recentRegulars);
    expect(Math.min(...out.pAlive.filter((_, i) => s.x[i] === 0))).toBeLessThan(1);
  });

  it('rejects inconsistent input with a message naming the customer', () => {
    const bad = { x: Float64Array.of(1, 0), tx: Float64Array.of(2, 3), T: Float64Array.of(5, 5), mbar: Float64Array.of(1, 0) };
    expect(() => scoreModels(bad, BG, GG, options)).toThrow(/customer #1: t_x = 3 with x = 0/);
    const nan = { ...bad, tx: Float64Array.of(2, 0), mbar: Float64Array.of(Number.NaN, 0) };
    expect(() => scoreModels(nan, BG, GG, options)).toThrow(/customer #0: mean spend/);
    expect(() => scoreModels({ ...bad, tx: Float64Array.of(2, 0) }, BG, GG, { ...options, horizon: -1 })).toThrow(/horizon/);
    const ok = { ...bad, tx: Float64Array.of(2, 0) };
    expect(() => scoreModels(ok, BG, { ...GG, q: 0.9 }, options)).toThrow(/q > 1/);
    expect(() => scoreModels(ok, { ...BG, kind: 'bgnbd', a: Number.NaN } as ChurnModel, GG, options)).toThrow(/parameter a/);
    expect(() => scoreModels({ ...bad, tx: Float64Array.of(2, 0) }, BG, GG, { ...options, clv: { ...options.clv, months: 1.5 } })).toThrow(/whole months/);
  });
});
