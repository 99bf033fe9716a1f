import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { DEFAULT_MODELS } from '../../src/models/config.js';
import { fitModels, type CustomerInput, type FittedModels } from '../../src/scoring/fitModels.js';
import { scoreCustomers } from '../../src/scoring/scoreCustomers.js';
import { withDatabase } from '../../src/store/database.js';
import { crm } from '../helpers/cli.js';
import { rows, withTempDir, writeText } from '../helpers/db.js';
import { mulberry32 } from '../models/synthetic.js';

const day = (base: string, offset: number): string => {
  const d = new Date(base + 'T10:00:00Z');
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 16).replace('T', ' ');
};

/**
 * A CSV export: 400 ordinary customers (seeded), plus extreme ones — a buyer with 300 purchase
 * days, one whose returns outweigh the repeat purchases (m̄ < 0), one who first bought on the
 * as-of date, one with only zero-value orders, and one spending a billion.
 */
function exportCsv(): string {
  const u = mulberry32(42);
  const lines = ['InvoiceNo,InvoiceDate,Quantity,UnitPrice,CustomerID'];
  let order = 0;
  const add = (customer: string, date: string, qty: number, price: number): void => {
    lines.push(`${qty < 0 ? 'C' : ''}${++order},${date},${qty},${price},${customer}`);
  };
  for (let c = 0; c < 400; c++) {
    const first = Math.floor(u() * 600);
    const gap = 5 + Math.floor(u() * 120);
    const life = Math.floor(u() * 700);
    for (let t = first; t <= Math.min(729, first + life); t += gap + Math.floor(u() * gap)) add(`N${c}`, day('2023-01-01', t), 1 + Math.floor(u() * 3), 5 + Math.round(u() * 5000) / 100);
  }
  for (let t = 0; t < 300; t++) add('HEAVY', day('2023-01-01', t * 2), 1, 12.5);
  add('RETURNS', day('2023-03-01', 0), 1, 40);
  add('RETURNS', day('2023-05-01', 0), 1, 10);
  add('RETURNS', day('2023-05-01', 1), -3, 30); // a return day is not a purchase day
  add('RETURNS', day('2023-07-01', 0), 1, 5);
  add('RETURNS', day('2023-07-01', 0), -2, 20); // same-day return: the day's net spend is negative
  add('TODAY', day('2024-12-30', 0), 2, 15);
  add('FREE', day('2024-01-01', 0), 1, 0.01);
  add('BILLION', day('2023-06-01', 0), 1, 1e9);
  add('BILLION', day('2024-06-01', 0), 1, 1e9);
  return lines.join('\n') + '\n';
}

const MODEL_COLUMNS = ['p_alive', 'churn_risk', 'expected_orders_90d', 'predicted_spend', 'clv_12m'];

describe('extreme customers through load and analyze()', () => {
  it('never writes NaN, Infinity, NULL or a negative value to the model columns', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'crm.duckdb');
      const load = await crm('load', writeText(dir, 'export.csv', exportCsv()), '--db', db);
      expect(load.code, load.err).toBe(0);
      await withDatabase(db, {}, async (conn) => {
        const { runId, notes } = await analyze(conn, { asOf: '2024-12-30' });
        const bad = await rows(
          conn,
          `SELECT customer_id, ${MODEL_COLUMNS.join(', ')} FROM customer_scores WHERE run_id = ${runId} AND (${MODEL_COLUMNS.map(
            (c) => `${c} IS NULL OR isnan(${c}) OR isinf(${c}) OR ${c} < 0`,
          ).join(' OR ')} OR p_alive > 1 OR churn_risk > 1 OR churn_band IS NULL OR value_tier IS NULL OR churn_reason IS NULL)`,
        );
        expect(bad).toEqual([]);
        const byId = Object.fromEntries(
          (await rows(conn, `SELECT customer_id, x, m_bar, p_alive, clv_12m, predicted_spend, historic_value, churn_reason FROM customer_scores WHERE run_id = ${runId}`)).map((r) => [r['customer_id'], r]),
        );
        expect(byId['HEAVY']!['x']).toBe(299);
        expect(byId['HEAVY']!['p_alive'] as number).toBeLessThan(0.01); // 300 purchases, then silence for 18 months
        expect(byId['RETURNS']!['m_bar'] as number).toBeLessThan(0);
        expect(byId['RETURNS']!['historic_value'] as number).toBeLessThan(0); // net spend to date can be negative ...
        expect(byId['RETURNS']!['clv_12m'] as number).toBeGreaterThanOrEqual(0); // ... future value never is
        expect(byId['TODAY']!['churn_reason']).toMatch(/^one order today; /);
        expect(byId['BILLION']!['clv_12m'] as number).toBeGreaterThan(0);
        expect(notes.join('\n')).toMatch(/1 repeat buyer has net spend ≤ 0 per repeat purchase/);
        // the extremes do not stop the selection: it ran on a stretch of whole weeks and its choice scored
        const [sel] = await rows(conn, `SELECT setting, chosen, holdout_days FROM model_selection WHERE run_id = ${runId}`);
        expect(sel!['setting']).toBe('auto');
        expect(Number(sel!['holdout_days']) % 7).toBe(0);
        const [scored] = await rows(conn, `SELECT model FROM model_fits WHERE run_id = ${runId} AND used_for_scoring AND model <> 'gammagamma'`);
        expect(scored!['model']).toBe(sel!['chosen']);
        const fits = await rows(conn, `SELECT model, converged, params IS NOT NULL AS ok FROM model_fits WHERE run_id = ${runId} ORDER BY model`);
        // the selected churn model and the Gamma-Gamma, both fitted
        expect(fits.map((f) => f['ok'])).toEqual([true, true]);
        expect(fits.map((f) => f['model'])).toContain('gammagamma');
      });
    });
  });
});

const input = (x: number[], tx: number[], T: number[], mbar: number[]): CustomerInput => ({
  x: Float64Array.from(x),
  txDays: Float64Array.from(tx),
  TDays: Float64Array.from(T),
  mbar: Float64Array.from(mbar),
  monetary: Float64Array.from(mbar, (m, i) => m * (x[i]! + 1)),
});

const finiteNonNegative = (s: NonNullable<ReturnType<typeof scoreCustomers>>): void => {
  for (const col of [s.pAlive, s.churnRisk, s.expectedOrders, s.orderValue, s.predictedSpend, s.clv]) {
    expect(Array.from(col).every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
  }
  expect(Array.from(s.pAlive).every((v) => v <= 1) && Array.from(s.churnRisk).every((v) => v <= 1)).toBe(true);
  expect(s.blanked).toBe(0);
};

describe('scoring at awkward parameters', () => {
  const customers = input([0, 0, 1, 500, 800, 3], [0, 0, 7, 699, 700, 30], [0, 700, 400, 700, 700, 31], [0, 0, 20, 25, -5, 1e6]);

  it.each([
    ['a + b < 1 (BG/NBD)', { kind: 'bgnbd' as const, r: 0.11, alpha: 2.24, a: 0.31, b: 0.5 }],
    ['a + b < 1 (MBG/NBD)', { kind: 'mbgnbd' as const, r: 0.11, alpha: 2.24, a: 0.31, b: 0.5 }],
    ['a = 1 exactly', { kind: 'bgnbd' as const, r: 0.5, alpha: 5, a: 1, b: 3 }],
    ['no dropout (NBD limit)', { kind: 'nbd' as const, r: 0.5, alpha: 5 }],
  ])('%s with q near 1 and heavy buyers: finite, ≥ 0', (_name, churn) => {
    const fitted: FittedModels = { fits: [], churn, spend: { p: 2, q: 1 + 1e-9, gamma: 10 }, fallbackOrderValue: 0, notes: [] };
    const s = scoreCustomers(customers, fitted, DEFAULT_MODELS)!;
    finiteNonNegative(s);
  });

  it('blanks (NULL, counted) a value the formulas cannot give instead of passing NaN on', () => {
    // α ≈ 0 and a customer acquired today put the 2F1 argument at z = 1
    const fitted: FittedModels = { fits: [], churn: { kind: 'mbgnbd', r: 0.003, alpha: 1e-26, a: 1e5, b: 2e7 }, spend: { p: 2, q: 3, gamma: 10 }, fallbackOrderValue: 0, notes: [] };
    const s = scoreCustomers(input([0, 2], [0, 10], [0, 40], [0, 10]), fitted, DEFAULT_MODELS)!;
    expect(s.blanked).toBeGreaterThan(0);
    for (const col of [s.pAlive, s.churnRisk, s.expectedOrders, s.orderValue, s.predictedSpend, s.clv]) {
      expect(Array.from(col).every((v) => Number.isNaN(v) || (Number.isFinite(v) && v >= 0))).toBe(true);
    }
  });

  it('falls back to one order value for all when no repeat buyer has positive spend, and says so', () => {
    const once = input([0, 0, 0, 1], [0, 0, 0, 10], [30, 60, 90, 90], [0, 0, 0, -4]);
    once.monetary.set([20, 30, 40, 10]);
    const fitted = fitModels(once, DEFAULT_MODELS);
    const gg = fitted.fits.find((f) => f.model === 'gammagamma')!;
    expect(gg.params).toBeNull();
    expect(gg.message).toMatch(/no repeat buyer with positive mean spend/);
    expect(fitted.fallbackOrderValue).toBeCloseTo(100 / 5, 9);
    expect(fitted.notes.join('\n')).toMatch(/spend per order could not be modelled/);
    expect(fitted.notes.join('\n')).toMatch(/too little data/);
    const s = scoreCustomers(once, fitted, DEFAULT_MODELS)!;
    finiteNonNegative(s);
    expect(Array.from(s.orderValue)).toEqual([20, 20, 20, 20]);
  });

  it('scores nothing, with a note, when no churn model can be fitted', () => {
    const fitted = fitModels(input([], [], [], []), DEFAULT_MODELS);
    expect(fitted.churn).toBeNull();
    expect(fitted.fits.filter((f) => f.model !== 'gammagamma').every((f) => f.params === null && /fit failed/.test(f.message))).toBe(true);
    expect(fitted.notes[0]).toMatch(/no churn model could be fitted/);
    expect(scoreCustomers(input([], [], [], []), fitted, DEFAULT_MODELS)).toBeNull();
  });
});

describe('properties over random customers', () => {
  const u = mulberry32(7);
  const n = 3000;
  const x = new Float64Array(n), tx = new Float64Array(n), T = new Float64Array(n), mbar = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // what the summary query can produce: x distinct repeat days fit in t_x ≤ T days
    T[i] = Math.floor(u() * 800);
    x[i] = u() < 0.5 ? 0 : Math.min(T[i]!, Math.floor(u() ** 3 * 200));
    tx[i] = x[i]! > 0 ? x[i]! + Math.floor(u() * (T[i]! - x[i]! + 1)) : 0;
    mbar[i] = x[i]! > 0 ? (u() < 0.05 ? -u() * 50 : u() * 300) : 0;
  }
  const data: CustomerInput = { x, txDays: tx, TDays: T, mbar, monetary: mbar.map((m, i) => m * (x[i]! + 1)) };
  const fitted = fitModels(data, DEFAULT_MODELS);

  it('P(alive) and churn risk in [0, 1]; expected orders ≥ 0 and non-decreasing in the horizon; CLV finite and ≥ 0', () => {
    let previous: Float64Array | null = null;
    for (const horizonDays of [1, 30, 90, 365, 3650]) {
      const s = scoreCustomers(data, fitted, { ...DEFAULT_MODELS, horizonDays })!;
      finiteNonNegative(s);
      if (previous) for (let i = 0; i < n; i++) expect(s.expectedOrders[i]! + 1e-12).toBeGreaterThanOrEqual(previous[i]!);
      previous = s.expectedOrders;
    }
  });

  it('CLV grows with the months counted and shrinks with the discount rate', () => {
    const clv = (months: number, monthlyDiscount: number) => scoreCustomers(data, fitted, { ...DEFAULT_MODELS, clv: { margin: 1, months, monthlyDiscount } })!.clv;
    const short = clv(6, 0.01), long = clv(24, 0.01), steep = clv(24, 0.05);
    for (let i = 0; i < n; i++) {
      expect(long[i]! + 1e-12).toBeGreaterThanOrEqual(short[i]!);
      expect(steep[i]!).toBeLessThanOrEqual(long[i]! + 1e-12);
    }
  });
});
