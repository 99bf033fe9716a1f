import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auc, rmse } from '../../src/backtest/metrics.js';
import { conditionalExpectedPurchases } from '../../src/models/churnModel.js';
import { compressSummary } from '../../src/models/compress.js';
import { fitChurnModel } from '../../src/models/fitChurn.js';
import type { ChurnKind } from '../../src/models/types.js';

const dayNumber = (s: string): number => Date.UTC(+s.slice(0, 4), +s.slice(4, 6) - 1, +s.slice(6, 8)) / 86_400_000;

/** CDNOW master purchase dates per customer (any line is a purchase: the file has no returns). */
function purchaseDays(): number[][] {
  const by = new Map<string, number[]>();
  for (const line of readFileSync(new URL('../../fixtures/cdnow/CDNOW_master.txt', import.meta.url), 'utf8').trim().split('\n')) {
    const [id, date] = line.trim().split(/\s+/);
    if (!/^\d{8}$/.test(date ?? '')) continue; // the header
    (by.get(id!) ?? by.set(id!, []).get(id!)!).push(dayNumber(date!));
  }
  return [...by.values()];
}

/**
 * Fit on purchases counted in calendar periods of `period` days up to the calibration end and
 * compare with the holdout counted the same way (lifetimes' rule for freq 'W': distinct weeks).
 */
function backtest(days: number[][], period: number, kind: ChurnKind) {
  const cal = dayNumber('19970930'), end = dayNumber('19980630');
  const x: number[] = [], tx: number[] = [], T: number[] = [], hold: number[] = [];
  for (const d of days) {
    const first = Math.min(...d);
    if (first > cal) continue;
    const p0 = Math.floor(first / period);
    const periods = [...new Set(d.filter((v) => v <= cal).map((v) => Math.floor(v / period)))];
    x.push(periods.length - 1);
    tx.push(((Math.max(...periods) - p0) * period) / 7);
    T.push(((Math.floor(cal / period) - p0) * period) / 7);
    hold.push(new Set(d.filter((v) => v > cal && v <= end).map((v) => Math.floor(v / period))).size);
  }
  const X = Float64Array.from(x), TX = Float64Array.from(tx), TT = Float64Array.from(T);
  const fit = fitChurnModel(kind, compressSummary(X, TX, TT));
  const expected = Float64Array.from(X, (xi, i) => conditionalExpectedPurchases(fit.params, xi, TX[i]!, TT[i]!, 39));
  const actual = Float64Array.from(hold);
  return { holdout: hold.reduce((a, b) => a + b, 0), rmse: rmse(expected, actual), auc: auc(expected, Uint8Array.from(hold, (h) => (h > 0 ? 1 : 0))) };
}

describe('the counting rule behind the backtest RMSE (CDNOW master, calibrate to 1997-09-30, holdout to 1998-06-30)', () => {
  const days = purchaseDays();

  it("reproduces lifetimes' BG/NBD numbers when purchases are counted as it counts them, in distinct calendar weeks", () => {
    const weeks = backtest(days, 7, 'bgnbd');
    console.info(`distinct weeks: holdout ${weeks.holdout}, RMSE ${weeks.rmse.toFixed(3)}, AUC ${weeks.auc.toFixed(4)}`);
    // lifetimes: 18,440 holdout purchases, RMSE 1.463, AUC 0.7674 (its weeks start on another weekday)
    expect(Math.abs(weeks.holdout - 18_440)).toBeLessThan(50);
    expect(weeks.rmse).toBeCloseTo(1.463, 1);
    expect(Math.abs(weeks.rmse - 1.463)).toBeLessThan(0.01);
    expect(Math.abs(weeks.auc - 0.7674)).toBeLessThan(0.002);
  });

  it('counts 19,684 purchase days instead, whose larger counts explain the larger RMSE', () => {
    const weeks = backtest(days, 7, 'bgnbd');
    const purchaseDaysRule = backtest(days, 1, 'bgnbd');
    console.info(`distinct days: holdout ${purchaseDaysRule.holdout}, RMSE ${purchaseDaysRule.rmse.toFixed(3)}, AUC ${purchaseDaysRule.auc.toFixed(4)}`);
    expect(purchaseDaysRule.holdout).toBe(19_684);
    expect(purchaseDaysRule.rmse).toBeGreaterThan(weeks.rmse + 0.2);
  });
});
