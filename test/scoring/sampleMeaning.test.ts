import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { runBacktest, type BacktestResult } from '../../src/backtest/runBacktest.js';
import { loadFiles } from '../../src/load/loadFiles.js';
import { EMPTY_MAPPING } from '../../src/load/mapping.js';
import type { UsedModelsConfig } from '../../src/models/config.js';
import { churnReasonText, reasonFacts } from '../../src/models/reason.js';
import { churnBands, CHURN_BANDS, type ChurnBand } from '../../src/models/tiers.js';
import { en } from '../../src/report/i18n/en.js';
import { zhCN } from '../../src/report/i18n/zh-CN.js';
import { readReportData } from '../../src/report/readReportData.js';
import { writeActionLists } from '../../src/report/actionLists.js';
import { highlights } from '../../src/report/highlights.js';
import { rows, withTempDb } from '../helpers/db.js';

interface Row {
  customer_id: string;
  x: number;
  t_x: number;
  T: number;
  churn_risk: number;
  churn_band: ChurnBand;
  churn_reason: string;
  value_tier: string;
  clv_12m: number;
  value_if_kept_12m: number;
  p_alive: number;
}

/** The words each band's reason must end in: the verdict agrees with the band. */
const VERDICT: Record<ChurnBand, RegExp> = {
  high: /(an order within \d+ weeks is unlikely|most one-time buyers never return)$/,
  medium: /(is uncertain)$/,
  low: /(is more likely than not)$/,
};

describe('the bundled sample, analysed as of 2024-12-29: one meaning per word', () => {
  let scores: Row[] = [];
  let used: UsedModelsConfig;
  let worth: { customer_id: string; value_tier: string }[] = [];
  let texts: string[] = [];
  let highShare = 0;
  let backtest: BacktestResult;
  let csvIds: string[] = [];
  let shown: string[] = [];
  let listTotal = 0;

  beforeAll(async () => {
    await withTempDb(async (conn, dir) => {
      await loadFiles(conn, ['fixtures/sample/transactions.csv'], { mapping: EMPTY_MAPPING, mappingSource: 'test' });
      const { runId } = await analyze(conn, { asOf: '2024-12-29' });
      scores = (await rows(conn, `SELECT customer_id, x, t_x, T, churn_risk, churn_band, churn_reason, value_tier, clv_12m, value_if_kept_12m, p_alive
        FROM customer_scores WHERE run_id = ${runId}`)) as unknown as Row[];
      used = JSON.parse(String((await rows(conn, `SELECT config::VARCHAR AS c FROM run_config WHERE run_id = ${runId} AND section = 'models'`))[0]!['c']));
      worth = (await rows(conn, `SELECT customer_id, value_tier FROM customer_scores WHERE run_id = ${runId} AND churn_band = 'high' AND value_tier = 'top'`)) as never;
      const data = await readReportData(conn, runId);
      texts = highlights(data).map((h) => h.text);
      highShare = data.models!.churn!.bands.find((b) => b.band === 'high')!.share;
      shown = data.models!.churn!.atRisk.map((c) => c.customerId);
      listTotal = data.models!.churn!.highValueAtRisk.customers;
      await writeActionLists(conn, runId, dir);
      csvIds = readFileSync(join(dir, 'worth-saving.csv'), 'utf8').trim().split('\r\n').slice(1).map((l) => l.split(',')[1]!);
      backtest = await runBacktest(conn, { calibrationEnd: '2024-06-30', holdoutEnd: '2024-12-29' });
    });
  }, 120_000);

  it('uses a horizon from the purchase cycle (whole weeks), stored with how it was chosen', () => {
    expect(used.horizon).toMatchObject({ source: 'auto', fallback: false });
    expect(used.horizonDays % 7).toBe(0);
    expect(used.horizonDays).toBeGreaterThanOrEqual(used.horizon!.cycleDays!);
    expect(used.horizonDays - used.horizon!.cycleDays!).toBeLessThan(7);
    expect(used.highValueTiers).toEqual(['top']);
    console.info(`sample: horizon ${used.horizonDays} days (75th percentile gap ${used.horizon!.cycleDays} days), high band ${(100 * highShare).toFixed(1)}% of customers`);
  });

  it('gives every customer a band that is the threshold on their churn risk, and a reason that agrees with it and with their rhythm', () => {
    expect(scores.length).toBeGreaterThan(2000);
    const bands = churnBands(Float64Array.from(scores, (s) => s.churn_risk), used.churnBands);
    for (const [i, s] of scores.entries()) {
      expect(s.churn_band, s.customer_id).toBe(CHURN_BANDS[bands[i]!]);
      expect(s.churn_reason, `${s.customer_id} (${s.churn_band})`).toMatch(VERDICT[s.churn_band]);
      const recency = s.T - s.t_x;
      if (s.x === 0) expect(s.churn_reason).toMatch(/^one order /);
      else if (recency <= s.t_x / s.x) expect(s.churn_reason, s.customer_id).toMatch(/^due /);
      else expect(s.churn_reason, s.customer_id).toMatch(/^overdue by /);
      // the stored English text is the one function over the stored numbers; zh-CN words the same facts
      const facts = reasonFacts({ x: s.x, txDays: s.t_x, TDays: s.T, band: s.churn_band, horizonDays: used.horizonDays });
      expect(churnReasonText(facts, en.reasons)).toBe(s.churn_reason);
      expect(churnReasonText(facts, zhCN.reasons)).not.toMatch(/[A-Za-z]/);
    }
  });

  it('bands are justified by outcomes: in the backtest each band’s observed no-order share is close to its predicted risk', () => {
    expect(backtest.churn_horizon).toMatchObject({ source: 'auto', fallback: false });
    for (const b of backtest.bands) expect(Math.abs(b.mean_risk! - b.observed_no_order!), b.band).toBeLessThan(0.05);
    const [low, medium, high] = backtest.bands;
    expect(high!.observed_no_order!).toBeGreaterThanOrEqual(0.8); // the high band's threshold holds
    expect(medium!.observed_no_order!).toBeGreaterThanOrEqual(0.5);
    expect(low!.observed_no_order!).toBeLessThan(0.5);
    console.info(`sample backtest 2024-06-30 → 2024-12-29, horizon ${backtest.churn_horizon_days} days: ${JSON.stringify(backtest.bands)}`);
  });

  it('no worth-saving reason says the customer is likely to order', () => {
    const listed = new Set(worth.map((w) => w.customer_id));
    const reasons = scores.filter((s) => listed.has(s.customer_id)).map((s) => s.churn_reason);
    expect(reasons.length).toBeGreaterThan(0);
    for (const r of reasons) expect(r).not.toMatch(/likely than not|uncertain/);
  });

  it('ranks value tiers by value if kept, so the high churn band reaches the top tier', () => {
    for (const s of scores) expect(s.clv_12m).toBeCloseTo(s.p_alive * s.value_if_kept_12m, 6);
    const top = scores.filter((s) => s.value_tier === 'top');
    const cut = Math.min(...top.map((s) => s.value_if_kept_12m));
    expect(scores.filter((s) => s.value_tier !== 'top').every((s) => s.value_if_kept_12m < cut)).toBe(true);
    expect(worth.length).toBeGreaterThan(0);
  });

  it('the churn section, its totals and worth-saving.csv are one list', () => {
    expect(csvIds.length).toBe(listTotal);
    expect(new Set(csvIds)).toEqual(new Set(worth.map((w) => w.customer_id)));
    expect(shown).toEqual(csvIds.slice(0, 20));
  });

  it('names the worth-saving population in the first highlight, counting exactly the list', () => {
    expect(texts[0]).toMatch(new RegExp(`^${worth.length} customers in the top value tier \\(ranked by 12-month value if kept\\) are in the high churn band, P\\(no order within \\d+ weeks\\) ≥ 80\\.0%`));
  });
});
