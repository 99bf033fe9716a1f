import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { modelsStep } from '../../src/analyze/modelsStep.js';
import { conditionalExpectedPurchases, expectedPurchases, pAlive } from '../../src/models/churnModel.js';
import { DEFAULT_MODELS } from '../../src/models/config.js';
import type { ChurnModel } from '../../src/models/types.js';
import { DEFAULT_RULES } from '../../src/rfm/defaultRules.js';
import { buildSummary } from '../../src/summary/buildSummary.js';
import { runBacktest, type BacktestResult } from '../../src/backtest/runBacktest.js';
import { readReportData } from '../../src/report/readReportData.js';
import { renderHtml } from '../../src/report/renderHtml.js';
import type { ModelsReport } from '../../src/report/models/types.js';
import { withDatabase } from '../../src/store/database.js';
import { crm } from '../helpers/cli.js';
import { rows, withTempDir } from '../helpers/db.js';

const relErr = (got: number, want: number): number => Math.abs(got - want) / Math.abs(want);

interface FitRow {
  model: string;
  params: Record<string, number | null>;
  log_likelihood: number;
  n_customers: number;
  time_unit: string;
  converged: boolean;
  boundary: boolean;
  used_for_scoring: boolean;
  message: string | null;
}

/** MODELS.md's reference numbers (CDNOW 1/10 sample, calibration end 1997-09-30, weeks). */
const REFERENCE = {
  bgnbd: { params: { r: 0.242594, alpha: 4.413602, a: 0.792922, b: 2.425907 }, ll: -9582.4292 },
  mbgnbd: { params: { r: 0.524838, alpha: 6.182992, a: 0.891356, b: 1.613999 }, ll: -9582.1327 },
  pnbd: { params: { r: 0.553275, alpha: 10.577611, s: 0.606214, beta: 11.667918 }, ll: -9594.9739 },
  gammagamma: { params: { p: 6.24957, q: 3.74422, gamma: 15.44352 }, ll: -4055.91769 },
} as const;

describe('CDNOW sample through the real loader and analyze() as of 1997-09-30', () => {
  let fits: FitRow[] = [];
  let scores: Record<string, unknown>[] = [];
  let notes: string[] = [];
  let dayFits: FitRow[] = [];
  let forcedFits: FitRow[] = [];
  let forcedSelection: Record<string, unknown>[] = [];
  let selection: Record<string, unknown> = {};
  let backtest: BacktestResult;
  let report: ModelsReport | null = null;
  let page = '';

  beforeAll(async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'crm.duckdb');
      const load = await crm('load', 'fixtures/cdnow/CDNOW_sample.txt', '--mapping', 'fixtures/cdnow/mapping-sample.json', '--db', db);
      expect(load.code, load.err).toBe(0);
      await withDatabase(db, {}, async (conn) => {
        const result = await analyze(conn, { asOf: '1997-09-30' });
        notes = result.notes;
        fits = (await rows(conn, `SELECT model, params::VARCHAR AS params, log_likelihood, n_customers, time_unit, converged, boundary, used_for_scoring, message
          FROM model_fits WHERE run_id = ${result.runId} ORDER BY model`)).map((r) => ({ ...r, params: JSON.parse(String(r['params'])) }) as FitRow);
        scores = await rows(conn, `SELECT customer_id, x, t_x, T, m_bar, p_alive, churn_risk, churn_band, expected_orders_90d,
            expected_next_order_date::VARCHAR AS next_date, predicted_spend, clv_12m, historic_value, monetary, value_tier, churn_reason
          FROM customer_scores WHERE run_id = ${result.runId} ORDER BY customer_id`);
        backtest = await runBacktest(conn, { calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30' });
        const data = await readReportData(conn, result.runId);
        report = data.models;
        page = renderHtml(data);
        selection = (await rows(conn, `SELECT setting, chosen, holdout_days, customers, holdout_buyers, reason, candidates::VARCHAR AS candidates, evidence::VARCHAR AS evidence FROM model_selection WHERE run_id = ${result.runId}`))[0]!;
        // Each model forced, in weeks and in days, on the same summary (scratch run ids: only the models step's rows are written).
        const customers = await buildSummary(conn, '1997-09-30');
        const kinds = ['bgnbd', 'mbgnbd', 'pnbd'] as const;
        for (const [i, kind] of kinds.entries()) {
          for (const timeUnit of ['week', 'day'] as const) {
            const runId = (timeUnit === 'week' ? 900 : 950) + i;
            await modelsStep({ ...DEFAULT_MODELS, scoringModel: kind, timeUnit }).run({ conn, runId, asOf: '1997-09-30', rules: DEFAULT_RULES, customers, previousRunId: null, notes: [] } as never);
          }
        }
        const read = async (runs: string) => (await rows(conn, `SELECT model, params::VARCHAR AS params, log_likelihood, n_customers, time_unit, converged, boundary, used_for_scoring, message
          FROM model_fits WHERE run_id IN (${runs}) AND (model <> 'gammagamma' OR run_id = 900) ORDER BY model`)).map((r) => ({ ...r, params: JSON.parse(String(r['params'])) }) as FitRow);
        forcedFits = await read('900, 901, 902');
        forcedSelection = await rows(conn, 'SELECT run_id, setting, chosen, holdout_days, reason FROM model_selection WHERE run_id IN (900, 901, 902) ORDER BY run_id');
        dayFits = await read('950, 951, 952');
      });
    });
  });

  it.each(['bgnbd', 'mbgnbd', 'pnbd', 'gammagamma'] as const)('stores the %s fit (forced) matching MODELS.md to 1e-3 relative (weeks)', (model) => {
    const f = forcedFits.find((x) => x.model === model)!;
    const ref = REFERENCE[model];
    expect(f.time_unit).toBe('week');
    expect(f.converged).toBe(true);
    expect(f.boundary).toBe(false);
    for (const [k, want] of Object.entries(ref.params)) expect(relErr(f.params[k]!, want), `${model} ${k} = ${f.params[k]}`).toBeLessThan(1e-3);
    expect(relErr(f.log_likelihood, ref.ll), `${model} ℓ = ${f.log_likelihood}`).toBeLessThan(1e-3);
    expect(f.n_customers).toBe(model === 'gammagamma' ? 946 : 2357);
  });

  it.each(['bgnbd', 'mbgnbd', 'pnbd'] as const)('in days matches too: shapes unchanged, scales × 7, ℓ − Σx·ln 7 (Σx = 2,457) (%s)', (model) => {
    const f = dayFits.find((x) => x.model === model)!;
    const ref: { params: Record<string, number>; ll: number } = REFERENCE[model];
    expect(f.time_unit).toBe('day');
    for (const [k, want] of Object.entries(ref.params)) {
      const scale = k === 'alpha' || k === 'beta' ? 7 : 1;
      expect(relErr(f.params[k]!, scale * want), `${model} ${k}`).toBeLessThan(1e-3);
    }
    expect(relErr(f.log_likelihood, ref.ll - 2457 * Math.log(7))).toBeLessThan(1e-3);
    // The shift is per repeat purchase (Σx), not per repeat buyer (946) as MODELS.md says:
    expect(f.log_likelihood - forcedFits.find((x) => x.model === model)!.log_likelihood).toBeCloseTo(-2457 * Math.log(7), 3);
  });

  it('chooses the model on the last weeks held out, stores why, and refits the winner on every customer', () => {
    expect(selection['setting']).toBe('auto');
    const candidates = JSON.parse(String(selection['candidates'])) as { model: string; scores: { holdoutLogLikelihood: number; calibrationError: number; aucExpectedOrders: number; aucChurnRisk: number } }[];
    console.info(`CDNOW sample selection: ${String(selection['reason'])}`);
    expect(candidates.map((c) => c.model).sort()).toEqual(['bgnbd', 'mbgnbd', 'pnbd']);
    expect(['mbgnbd', 'pnbd']).toContain(selection['chosen']);
    // the rule: among candidates calibrated within 0.05 of the best, the highest mean holdout AUC (ties: log-likelihood)
    const mean = (c: (typeof candidates)[number]) => (c.scores.aucExpectedOrders + c.scores.aucChurnRisk) / 2;
    const bestCe = Math.min(...candidates.map((c) => c.scores.calibrationError));
    const eligible = candidates.filter((c) => c.scores.calibrationError <= bestCe + 0.05);
    const chosen = candidates.find((c) => c.model === selection['chosen'])!;
    expect(eligible).toContain(chosen);
    expect(Math.max(...eligible.map(mean)) - mean(chosen)).toBeLessThanOrEqual(1e-3);
    expect(String(selection['reason'])).toMatch(/^(MBG|Pareto)\/NBD (ranks customers best|ranks customers as well).* on the last 84 days held out/);
    expect(Number(selection['holdout_days']) % 7).toBe(0);
    expect(Number(selection['customers'])).toBeLessThanOrEqual(2357);
    const evidence = JSON.parse(String(selection['evidence']));
    expect(evidence.byFrequency.length).toBe(8);
    expect(evidence.tracking.at(-1).day).toBe(Number(selection['holdout_days']));
    expect(evidence.reliability.length).toBeGreaterThanOrEqual(5);
    const scoring = fits.filter((f) => f.used_for_scoring && f.model !== 'gammagamma');
    expect(scoring.map((f) => f.model)).toEqual([selection['chosen']]);
    expect(scoring[0]!.n_customers).toBe(2357);
  });

  it('a forced model is recorded as such, with no selection made', () => {
    expect(forcedSelection).toEqual([
      { run_id: 900, setting: 'bgnbd', chosen: 'bgnbd', holdout_days: null, reason: 'the model is set to bgnbd' },
      { run_id: 901, setting: 'mbgnbd', chosen: 'mbgnbd', holdout_days: null, reason: 'the model is set to mbgnbd' },
      { run_id: 902, setting: 'pnbd', chosen: 'pnbd', holdout_days: null, reason: 'the model is set to pnbd' },
    ]);
    expect(forcedFits.filter((f) => f.model !== 'gammagamma').every((f) => f.used_for_scoring)).toBe(true);
  });

  it('the stored BG/NBD fit passes the point checks of MODELS.md', () => {
    const p = forcedFits.find((x) => x.model === 'bgnbd')!.params;
    const m: ChurnModel = { kind: 'bgnbd', r: p['r']!, alpha: p['alpha']!, a: p['a']!, b: p['b']! };
    expect(relErr(expectedPurchases(m, 52), 1.444004)).toBeLessThan(1e-3);
    expect(relErr(pAlive(m, 26, 30.857143, 31), 0.9688523)).toBeLessThan(1e-3);
    expect(relErr(conditionalExpectedPurchases(m, 26, 30.857143, 31, 52), 25.75659)).toBeLessThan(1e-3);
    expect(conditionalExpectedPurchases(m, 2, 30.43, 38.86, 39)).toBeCloseTo(1.226, 2);
  });

  it('scores with the selected model and leaves no note on clean data', () => {
    expect(fits.filter((f) => f.used_for_scoring).map((f) => f.model)).toEqual(['gammagamma', selection['chosen']]);
    expect(notes.filter((n) => n.startsWith('churn/CLV'))).toEqual([]);
  });

  it('fills every model column for every customer, finite and in range', () => {
    expect(scores).toHaveLength(2357);
    for (const s of scores) {
      for (const k of ['p_alive', 'churn_risk', 'expected_orders_90d', 'predicted_spend', 'clv_12m']) {
        expect(Number.isFinite(s[k]) && (s[k] as number) >= 0, `${s['customer_id']} ${k} = ${s[k]}`).toBe(true);
      }
      expect(s['p_alive'] as number).toBeLessThanOrEqual(1);
      expect(s['churn_risk'] as number).toBeLessThanOrEqual(1);
      expect(['low', 'medium', 'high']).toContain(s['churn_band']);
      expect(['top', 'mid', 'low']).toContain(s['value_tier']);
      expect(s['historic_value']).toBeCloseTo(s['monetary'] as number, 9);
      expect(typeof s['churn_reason']).toBe('string');
    }
  });

  it('gives one-time buyers a P(alive) below 1 and reasons a marketer can read', () => {
    const once = scores.filter((s) => s['x'] === 0);
    expect(once.every((s) => (s['p_alive'] as number) < 1)).toBe(true);
    expect(once[0]!['churn_reason']).toMatch(/^one order \d+ (days|weeks|months) ago; /);
    const repeat = scores.find((s) => (s['x'] as number) >= 3)!;
    expect(repeat['churn_reason']).toMatch(/^(due|overdue) .*: last order .* ago, usually every \d+ (days|weeks|months); an order within \d+ weeks is (unlikely|uncertain|more likely than not)$/);
  });

  it('reproduces the Gamma-Gamma conditional spend of CDNOW customers 1, 2 and 6 (24.66, 18.91, 71.46)', () => {
    // The sample file's 1st column (mapped as customer_id) is the master id; the published ids are its 2nd column.
    const masterId = (published: string): string =>
      readFileSync('fixtures/cdnow/CDNOW_sample.txt', 'utf8').split('\n').map((l) => l.trim().split(/\s+/)).find((f) => Number(f[1]) === Number(published))![0]!;
    const spend = ['1', '2', '6'].map((id) => scores.find((s) => s['customer_id'] === masterId(id))!['predicted_spend'] as number);
    expect(spend[0]).toBeCloseTo(24.66, 1);
    expect(spend[1]).toBeCloseTo(18.91, 1);
    expect(spend[2]).toBeCloseTo(71.46, 1);
  });

  it('splits value tiers 20% / 30% / rest and sets a next-order date only for likely buyers', () => {
    const count = (t: string): number => scores.filter((s) => s['value_tier'] === t).length;
    expect(count('top') / 2357).toBeCloseTo(0.2, 2);
    expect(count('mid') / 2357).toBeCloseTo(0.3, 2);
    for (const s of scores) {
      if (s['next_date'] !== null) {
        expect(s['p_alive'] as number).toBeGreaterThan(0.5);
        expect(s['next_date'] as string > '1997-09-30' && (s['next_date'] as string) <= '1998-09-30').toBe(true);
      }
    }
    expect(scores.some((s) => s['next_date'] !== null)).toBe(true);
  });

  it('backtests on the sample with the published holdout total (1,882 repeat purchase-days)', () => {
    expect(backtest.customers).toBe(2357);
    expect(backtest.actual_purchases).toBe(1882);
    expect(backtest.auc_expected_orders!).toBeGreaterThan(0.7);
    expect(backtest.auc_churn_risk!).toBeGreaterThan(0.7);
  });

  it('feeds the report: bands, at-risk customers, tiers, fits, the backtest and the assumptions', () => {
    const m = report!;
    // the settings as used: the auto horizon resolved on the run's customers, and how
    const { horizonDays, horizon, ...rest } = m.assumptions!;
    expect(rest).toEqual((({ horizonDays: _, ...r }) => r)(DEFAULT_MODELS));
    expect(horizon).toMatchObject({ source: 'auto', days: horizonDays, fallback: false });
    expect(horizonDays % 7).toBe(0);
    expect(m.churn!.scoredWith).toBe(selection['chosen'] === 'pnbd' ? 'Pareto/NBD' : 'MBG/NBD');
    expect(m.churn!.bands.map((b) => b.band)).toEqual(['low', 'medium', 'high']);
    expect(m.churn!.bands.reduce((s, b) => s + b.customers, 0)).toBe(2357);
    expect(m.churn!.atRisk.length).toBe(Math.min(20, m.churn!.highValueAtRisk.customers));
    expect(m.churn!.atRisk.length).toBeGreaterThan(0);
    expect(m.churn!.atRisk.every((c, i, all) => i === 0 || all[i - 1]!.valueIfKept >= c.valueIfKept)).toBe(true);
    expect(m.clv!.tiers.map((t) => t.tier)).toEqual(['top', 'mid', 'low']);
    expect(m.clv!.bins.reduce((s, b) => s + b.customers, 0)).toBe(2357);
    expect(m.fits.map((f) => f.model)).toEqual([selection['chosen'], 'gammagamma']);
    expect(m.backtest!.actualPurchases).toBe(1882);
    for (const id of ['churn', 'clv', 'models']) expect(page).toContain(`<section id="${id}"`);
    expect(page).toContain('id="chart-clv-distribution"');
  });
});
