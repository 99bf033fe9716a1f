import { describe, expect, it } from 'vitest';
import { bgnbdCet, bgnbdExpected, bgnbdLogLikelihood, bgnbdNoPurchase, bgnbdPAlive } from '../../src/models/bgnbd.js';
import { conditionalExpectedPurchases, expectedPurchases, pAlive, probNoPurchase } from '../../src/models/churnModel.js';
import { conditionalExpectedSpend, gammaGammaLogLikelihood } from '../../src/models/gammagamma.js';
import { mbgnbdCet, mbgnbdExpected, mbgnbdLogLikelihood, mbgnbdPAlive } from '../../src/models/mbgnbd.js';
import { nbdLogLikelihood } from '../../src/models/nbd.js';
import { spendRow, summaryRow } from '../../src/models/rows.js';
import type { BgParams, SummaryRows } from '../../src/models/types.js';
import { readSummaryCsv, relErr } from './cdnow.js';

/** MODELS.md's BG/NBD reference parameters for CDNOW (weeks). */
const BG: BgParams = { r: 0.242594, alpha: 4.413602, a: 0.792922, b: 2.425907 };
const MBG: BgParams = { r: 0.524838, alpha: 6.182992, a: 0.891356, b: 1.613999 };
const GG = { p: 6.24957, q: 3.74422, gamma: 15.44352 };

describe('BG/NBD', () => {
  it('reproduces the check values of the log-likelihood', () => {
    const p = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };
    expect(bgnbdLogLikelihood(p, summaryRow(0, 0, 40))).toBeCloseTo(-0.59947382, 8);
    expect(bgnbdLogLikelihood(p, summaryRow(200, 38, 40))).toBeCloseTo(100.7957, 4);
  });

  it('reproduces the published point checks (MODELS.md)', () => {
    // The published values come from the optimum on unrounded data; these parameters are its
    // 6-digit rounding, hence 1e-5 rather than 1e-7.
    expect(relErr(bgnbdExpected(BG, 52), 1.444004)).toBeLessThan(1e-5);
    expect(relErr(bgnbdPAlive(BG, 26, 30.857143, 31), 0.9688523)).toBeLessThan(1e-5);
    expect(relErr(bgnbdCet(BG, 26, 30.857143, 31, 52), 25.75659)).toBeLessThan(5e-5);
    expect(relErr(bgnbdCet(BG, 2, 30.43, 38.86, 39), 1.226)).toBeLessThan(1e-3);
  });

  it('matches mpmath (40 digits) at the same parameters to ~1e-13', () => {
    expect(relErr(bgnbdExpected(BG, 52), 1.44400965905519631248)).toBeLessThan(1e-13);
    expect(relErr(bgnbdPAlive(BG, 26, 30.857143, 31), 0.968854445568120832586)).toBeLessThan(1e-14);
    expect(relErr(bgnbdCet(BG, 26, 30.857143, 31, 52), 25.7573369588841828558)).toBeLessThan(1e-13);
    expect(relErr(bgnbdCet(BG, 2, 30.43, 38.86, 39), 1.22590666086584486153)).toBeLessThan(1e-13);
  });

  it('handles a + b < 1 with x = 0, where 2F1 is negative (lifetimes#302 returns NaN)', () => {
    expect(relErr(bgnbdCet({ r: 0.11, alpha: 2.24, a: 0.31, b: 0.5 }, 0, 0, 1, 30), 0.564589)).toBeLessThan(1e-6);
    expect(relErr(bgnbdCet({ r: 0.11, alpha: 2.24, a: 0.31, b: 0.5 }, 0, 0, 1, 30), 0.564588615532784727)).toBeLessThan(1e-13);
  });

  it('is continuous through the removable singularity a = 1', () => {
    const at = (a: number): number => bgnbdCet({ r: 0.11, alpha: 2.24, a, b: 0.5 }, 3, 10, 20, 30);
    expect(relErr(at(1), 0.7693317548673420587891472)).toBeLessThan(1e-14); // mpmath (80 digits) at a = 1 + 1e-40
    expect(relErr(at(1 + 1e-9), at(1))).toBeLessThan(1e-8);
    expect(relErr(at(1 - 1e-9), at(1))).toBeLessThan(1e-8);
  });

  it('stays finite and exact for heavy buyers, where the direct 2F1 overflows', () => {
    // mpmath references; x = 500 with (α+T)/(α+T+t) raised to 500 is out of double range directly.
    expect(relErr(bgnbdCet(BG, 500, 38, 39, 52), 2.3309796349812806337)).toBeLessThan(1e-11);
    expect(relErr(bgnbdPAlive(BG, 500, 38, 39), 0.0054427577145743168963)).toBeLessThan(1e-12);
    expect(relErr(bgnbdCet(BG, 300, 10, 39, 52), 1.6522974751585372304e-139)).toBeLessThan(1e-10);
  });

  it('stays exact when a and b are huge (dropout nearly the same for everyone)', () => {
    const p = { r: 0.8, alpha: 10, a: 7e6, b: 2.8e9 };
    expect(relErr(bgnbdCet(p, 3, 20, 40, 52), 3.8602903938116468061)).toBeLessThan(1e-9);
    expect(relErr(bgnbdCet(p, 0, 0, 40, 52), 0.83006266440446400151)).toBeLessThan(1e-9);
    expect(relErr(bgnbdCet(p, 40, 39, 40, 52), 39.986789167577364607)).toBeLessThan(1e-9);
    const q = { r: 0.8, alpha: 10, a: 50, b: 400 };
    expect(relErr(bgnbdCet(q, 3, 20, 40, 300), 4.1868696371859416138)).toBeLessThan(1e-12);
    expect(relErr(bgnbdCet(q, 200, 39, 40, 52), 2.2744500324608157467)).toBeLessThan(1e-12);
  });

  it('gives one-time buyers P(alive) = 1 and a churn risk that is only chance', () => {
    expect(bgnbdPAlive(BG, 0, 0, 38.86)).toBe(1);
    const risk = bgnbdNoPurchase(BG, 0, 0, 38.86, 13);
    expect(risk).toBeCloseTo(((BG.alpha + 38.86) / (BG.alpha + 38.86 + 13)) ** BG.r, 14);
  });
});

describe('MBG/NBD', () => {
  it('matches mpmath at the reference parameters', () => {
    expect(relErr(mbgnbdPAlive(MBG, 0, 0, 38.86), 0.38971629757738479629)).toBeLessThan(1e-14);
    expect(relErr(mbgnbdExpected(MBG, 52), 1.4188895364244136502)).toBeLessThan(1e-13);
    expect(relErr(mbgnbdCet(MBG, 2, 30.43, 38.86, 39), 1.2626708486523405261)).toBeLessThan(1e-13);
    expect(relErr(mbgnbdCet(MBG, 26, 30.857143, 31, 52), 23.998266071178659292)).toBeLessThan(1e-13);
    expect(relErr(mbgnbdCet({ r: 0.11, alpha: 2.24, a: 0.31, b: 0.5 }, 0, 0, 1, 30), 0.43990620904175981348)).toBeLessThan(1e-13);
  });

  it('lets one-time buyers look churned the longer ago they bought (unlike the BG/NBD)', () => {
    const recent = mbgnbdPAlive(MBG, 0, 0, 2);
    const old = mbgnbdPAlive(MBG, 0, 0, 38);
    expect(recent).toBeLessThan(1);
    expect(old).toBeLessThan(recent);
  });

  it('log-likelihood is the BG/NBD-style sum of per-row terms', () => {
    const rows = readSummaryCsv();
    const one = rows.x.reduce((s, x, i) => s + mbgnbdLogLikelihood(MBG, summaryRow(x, rows.tx[i]!, rows.T[i]!)), 0);
    const all = mbgnbdLogLikelihood(MBG, { x: rows.x, tx: rows.tx, T: rows.T, weight: new Float64Array(rows.x.length).fill(1) });
    expect(relErr(all, one)).toBeLessThan(1e-12);
    expect(all).toBeCloseTo(-9582.1327, 3);
  });
});

describe('model dispatch', () => {
  it('routes every kind and implements the no-dropout NBD limit', () => {
    const nbd = { kind: 'nbd', r: 0.5, alpha: 6 } as const;
    expect(pAlive(nbd, 3, 20, 40)).toBe(1);
    expect(expectedPurchases(nbd, 12)).toBeCloseTo(1, 14);
    expect(conditionalExpectedPurchases(nbd, 3, 20, 40, 23)).toBeCloseTo((3.5 / 46) * 23, 14);
    expect(probNoPurchase(nbd, 3, 20, 40, 23)).toBeCloseTo((46 / 69) ** 3.5, 14);
    const bg = { kind: 'bgnbd', ...BG } as const;
    expect(conditionalExpectedPurchases(bg, 2, 30.43, 38.86, 39)).toBe(bgnbdCet(BG, 2, 30.43, 38.86, 39));
    expect(() => pAlive({ kind: 'pareto' } as never, 0, 0, 1)).toThrow(/unknown churn model/);
  });

  it('approaches the NBD as a → 0 and as b → ∞', () => {
    const nbd = { kind: 'nbd', r: 0.5, alpha: 6 } as const;
    const want = conditionalExpectedPurchases(nbd, 3, 20, 40, 30);
    for (const [a, b] of [[1e-9, 2], [0.8, 1e9]] as const) {
      for (const kind of ['bgnbd', 'mbgnbd'] as const) {
        const m = { kind, r: 0.5, alpha: 6, a, b };
        expect(relErr(conditionalExpectedPurchases(m, 3, 20, 40, 30), want)).toBeLessThan(1e-6);
        expect(pAlive(m, 3, 20, 40)).toBeGreaterThan(1 - 1e-6);
      }
    }
  });
});

describe('Gamma-Gamma', () => {
  it('gives the published conditional spend of CDNOW customers 1, 2 and 6', () => {
    const rows = readSummaryCsv();
    for (const [id, want] of [['1', 24.66], ['2', 18.91], ['6', 71.46]] as const) {
      const i = rows.id.indexOf(id);
      expect(conditionalExpectedSpend(GG, rows.x[i]!, rows.mbar[i]!)).toBeCloseTo(want, 2);
    }
  });

  it('is positive and finite for one-time buyers and for m̄ ≤ 0 after returns', () => {
    expect(conditionalExpectedSpend(GG, 0, 0)).toBeCloseTo((GG.p * GG.gamma) / (GG.q - 1), 12);
    const refunded = conditionalExpectedSpend(GG, 3, -12);
    expect(refunded).toBeGreaterThan(0);
    expect(refunded).toBeCloseTo((GG.p * GG.gamma) / (GG.p * 3 + GG.q - 1), 12);
    const nearOne = conditionalExpectedSpend({ p: 2, q: 1 + 1e-12, gamma: 10 }, 0, 0);
    expect(Number.isFinite(nearOne) && nearOne > 0).toBe(true);
  });

  it('log-likelihood of one row matches the formula written out', () => {
    const [x, m] = [2, 22.35];
    const { p, q, gamma } = GG;
    const lg = (v: number): number => lgammaRef(v);
    const want = lg(p * x + q) - lg(p * x) - lg(q) + q * Math.log(gamma) + (p * x - 1) * Math.log(m) + p * x * Math.log(x) - (p * x + q) * Math.log(gamma + x * m);
    expect(gammaGammaLogLikelihood(GG, spendRow(x, m))).toBeCloseTo(want, 10);
  });
});

// Independent lnΓ for the check above: Stirling with a shift, not the Lanczos under test.
function lgammaRef(v: number): number {
  let shift = 0;
  while (v < 30) shift -= Math.log(v++);
  return shift + (v - 0.5) * Math.log(v) - v + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * v) - 1 / (360 * v ** 3) + 1 / (1260 * v ** 5);
}

describe('analytic gradients match central differences', () => {
  const rows = ((): SummaryRows => {
    const s = readSummaryCsv();
    const pick = (c: Float64Array): Float64Array => c.filter((_, i) => i % 7 === 0);
    const x = pick(s.x);
    return { x, tx: pick(s.tx), T: pick(s.T), weight: x.map((_, i) => 1 + (i % 3)) };
  })();
  const check = (ll: (theta: Float64Array, grad?: Float64Array) => number, theta: Float64Array): void => {
    const grad = new Float64Array(theta.length);
    ll(theta, grad);
    theta.forEach((_, k) => {
      const h = 1e-5;
      const up = Float64Array.from(theta), down = Float64Array.from(theta);
      up[k] = up[k]! + h;
      down[k] = down[k]! - h;
      const numeric = (ll(up) - ll(down)) / (2 * h);
      expect(Math.abs(grad[k]! - numeric)).toBeLessThan(1e-5 * Math.max(1, Math.abs(numeric)));
    });
  };
  const bg = (f: typeof bgnbdLogLikelihood) => (t: Float64Array, g?: Float64Array): number =>
    f({ r: Math.exp(t[0]!), alpha: Math.exp(t[1]!), a: Math.exp(t[2]!), b: Math.exp(t[3]!) }, rows, g);

  it.each([
    ['CDNOW optimum', [0.2426, 4.4136, 0.7929, 2.4259]],
    ['a + b < 1', [0.11, 2.24, 0.31, 0.5]],
    ['huge b', [0.5, 6, 0.8, 1e8]],
    ['huge a and b', [0.8, 10, 7e6, 2.8e9]],
  ])('BG/NBD and MBG/NBD at %s', (_, params) => {
    const theta = Float64Array.from(params as number[], Math.log);
    check(bg(bgnbdLogLikelihood), theta);
    check(bg(mbgnbdLogLikelihood), theta);
  });

  it('NBD', () => {
    check((t, g) => nbdLogLikelihood({ r: Math.exp(t[0]!), alpha: Math.exp(t[1]!) }, rows, g), Float64Array.of(-0.5, 1.7));
  });

  it('Gamma-Gamma in (ln p, ln(q − 1), ln γ)', () => {
    const s = readSummaryCsv();
    const keep = [...s.x.keys()].filter((i) => s.x[i]! > 0);
    const spend = { x: Float64Array.from(keep, (i) => s.x[i]!), mbar: Float64Array.from(keep, (i) => s.mbar[i]!), weight: new Float64Array(keep.length).fill(1) };
    const ll = (t: Float64Array, g?: Float64Array): number =>
      gammaGammaLogLikelihood({ p: Math.exp(t[0]!), q: 1 + Math.exp(t[1]!), gamma: Math.exp(t[2]!) }, spend, g);
    check(ll, Float64Array.of(Math.log(6.25), Math.log(2.74), Math.log(15.44)));
    check(ll, Float64Array.of(Math.log(0.5), Math.log(1e-6), Math.log(100)));
  });
});
