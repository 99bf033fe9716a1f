import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeBrowser, openInBrowser } from '../helpers/browser.js';
import { crm } from '../helpers/cli.js';

// The real pipeline through the command line on a two-currency export: pounds (most revenue) and
// euros (a second shop), with a GBP mapping default for rows whose currency cell is empty.
const FILE = 'fixtures/loader/two-currencies.csv';
const MAPPING = 'fixtures/loader/two-currencies.json';
const TIMEOUT = 90_000;

interface Line { customer: string; order: string; amount: number; currency: string }

/** The export read independently of the loader: currency trimmed, upper-cased, blank → GBP (the mapping's). */
function lines(): Line[] {
  return readFileSync(FILE, 'utf8').trimEnd().split('\n').slice(1).map((l) => {
    const [customer, order, , amount, currency] = l.split(',');
    return { customer: customer!, order: order!, amount: Number(amount), currency: currency!.trim().toUpperCase() || 'GBP' };
  });
}

/** What the report must say about one currency: orders and customers count purchases only. */
function totals(currency: string): { transactions: number; orders: number; customers: number; revenue: number } {
  const rows = lines().filter((l) => l.currency === currency);
  const purchases = rows.filter((l) => l.amount >= 0);
  return {
    transactions: rows.length,
    orders: new Set(purchases.map((l) => l.order)).size,
    customers: new Set(purchases.map((l) => l.customer)).size,
    revenue: Math.round(rows.reduce((s, l) => s + l.amount * 100, 0)) / 100,
  };
}

const json = async (db: string, sql: string): Promise<Record<string, unknown>[]> => {
  const r = await crm('query', sql, '--format', 'json', '--db', db);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as Record<string, unknown>[];
};

let dir: string;
let db: string;
let load: Record<string, number>;
let report: string;
let reportZh: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'crm-currency-'));
  db = join(dir, 'crm.duckdb');
  const l = await crm('load', FILE, '--mapping', MAPPING, '--json', '--db', db);
  expect(l.code, l.err).toBe(0);
  load = JSON.parse(l.out) as Record<string, number>;
  const a = await crm('analyze', '--db', db);
  expect(a.code, a.err).toBe(0);
  const en = await crm('report', '--out', join(dir, 'en'), '--db', db);
  expect(en.code, en.err).toBe(0);
  report = en.out.replace(/^report: /, '').trim();
  const zh = await crm('report', '--out', join(dir, 'zh'), '--locale', 'zh-CN', '--db', db);
  expect(zh.code, zh.err).toBe(0);
  reportZh = zh.out.replace(/^report: /, '').trim();
}, TIMEOUT);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a two-currency export through load, analyze and report', () => {
  it('accounts for every row and stores each row\'s currency', async () => {
    expect(load['loaded']! + load['duplicates']! + load['excluded']! + load['quarantined']!).toBe(load['rows_read']);
    expect(load['quarantined']).toBe(2); // "UKP" and "£" are not ISO codes
    const stored = await json(db, 'SELECT currency, count(*) AS n FROM transactions GROUP BY currency ORDER BY currency');
    expect(stored).toEqual([{ currency: 'EUR', n: totals('EUR').transactions }, { currency: 'GBP', n: totals('GBP').transactions }]);
  });

  it('analyses pounds only (the most net revenue) and stores the euro totals it left out', async () => {
    const cfg = await json(db, `SELECT config::VARCHAR AS c FROM run_config WHERE section = 'currency'`);
    const c = JSON.parse(String(cfg[0]!['c'])) as { currency: string; chosen: string; others: Record<string, unknown>[] };
    expect(totals('GBP').revenue).toBeGreaterThan(totals('EUR').revenue);
    expect(c.currency).toBe('GBP');
    expect(c.chosen).toBe('most revenue');
    expect(c.others).toEqual([{ currency: 'EUR', ...totals('EUR') }]);
    const scored = await json(db, 'SELECT count(*) AS n FROM customer_scores');
    expect(scored[0]!['n']).toBe(new Set(lines().filter((l) => l.currency === 'GBP' && l.amount >= 0).map((l) => l.customer)).size);
  });

  it('gives exactly the run a database of the pound rows alone gives', async () => {
    const only = join(dir, 'gbp-only.csv');
    const text = readFileSync(FILE, 'utf8').trimEnd().split('\n');
    const parsed = lines();
    const keep = text.slice(1).filter((_, i) => parsed[i]!.currency === 'GBP');
    writeFileSync(only, [text[0], ...keep].join('\n') + '\n');
    const db2 = join(dir, 'gbp.duckdb');
    expect((await crm('load', only, '--mapping', MAPPING, '--db', db2)).code).toBe(0);
    expect((await crm('analyze', '--db', db2)).code).toBe(0);
    const scores = 'SELECT customer_id, monetary, frequency, recency_days, segment, state, round(clv_12m, 6) AS clv FROM customer_scores ORDER BY customer_id';
    expect(await json(db2, scores)).toEqual(await json(db, scores));
    const kpis = 'SELECT kpi, round(value, 6) AS v FROM kpis ORDER BY kpi';
    expect(await json(db2, kpis)).toEqual(await json(db, kpis));
    const cohorts = 'SELECT cohort_month::VARCHAR AS c, months_since, customers, active, round(revenue, 6) AS r FROM cohort_retention ORDER BY ALL';
    expect(await json(db2, cohorts)).toEqual(await json(db, cohorts));
  });

  it('analyses euros when asked, and refuses a currency the data do not hold', async () => {
    const eur = await crm('analyze', '--currency', 'eur', '--json', '--db', db);
    expect(eur.code, eur.err).toBe(0);
    expect((JSON.parse(eur.out) as { customers: number }).customers).toBe(totals('EUR').customers);
    const jpy = await crm('analyze', '--currency', 'JPY', '--db', db);
    expect(jpy.code).toBe(3);
    expect(jpy.err).toContain('no transactions in JPY up to');
    expect(jpy.err).toContain("the data's currencies are GBP, EUR");
  });

  it('shows pound amounts and the euro totals in the report, and no dollar sign', () => {
    const page = readFileSync(report, 'utf8').replace(/<script>[\s\S]*?<\/script>/g, '');
    const eur = totals('EUR');
    const euros = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(eur.revenue);
    expect(page).toMatch(/£\d/);
    expect(page).toContain('Every amount in this report is in British Pound (GBP).');
    expect(page).toContain(`Left out, not converted: EUR, ${euros} from ${eur.customers} customers.`);
    expect(page).toMatch(new RegExp(`EUR · Euro</td><td class="num">${eur.transactions}</td><td class="num">${eur.orders}</td><td class="num">${eur.customers}</td><td class="num">${euros}</td>`));
    expect(page).not.toContain('$');
  });
});

describe('an export with no currency anywhere', () => {
  it('is analysed whole and reported in plain numbers, saying the currency is not known and how to set it', { timeout: TIMEOUT }, async () => {
    const db3 = join(dir, 'unknown.duckdb');
    const mapping = join(dir, 'no-currency.json');
    writeFileSync(mapping, JSON.stringify({ columns: { customer_id: 'Customer', order_id: 'Order', order_date: 'Date', amount: 'Total' }, date_format: '%Y-%m-%d %H:%M' }));
    expect((await crm('load', FILE, '--mapping', mapping, '--db', db3)).code).toBe(0);
    expect(await json(db3, 'SELECT DISTINCT currency FROM transactions')).toEqual([{ currency: null }]);
    expect((await crm('analyze', '--db', db3)).code).toBe(0);
    const scored = await json(db3, 'SELECT count(*) AS n FROM customer_scores');
    expect(scored[0]!['n']).toBe(new Set(lines().filter((l) => l.amount >= 0).map((l) => l.customer)).size);
    const r = await crm('report', '--out', join(dir, 'unknown'), '--db', db3);
    const page = readFileSync(r.out.replace(/^report: /, '').trim(), 'utf8').replace(/<script>[\s\S]*?<\/script>/g, '');
    expect(page).toContain('The currency of these amounts is not known, so they are shown as plain numbers.');
    expect(page).toContain('crm load --currency GBP');
    expect(page).not.toMatch(/[$£€]\d/);
  });
});

describeBrowser('a pound report in Chromium', () => {
  for (const [name, file] of [['en', () => report], ['zh-CN', () => reportZh]] as const) {
    it(`prints every amount in pounds, tables and charts alike (${name})`, { timeout: TIMEOUT }, async () => {
      await openInBrowser(file(), async (page, log) => {
        for (const chart of await page.locator('[data-chart]').all()) await chart.locator('svg').first().waitFor();
        const text = await page.evaluate(() => document.body.innerText);
        const chartText = await page.evaluate(() => [...document.querySelectorAll('svg text')].map((t) => t.textContent ?? '').join(' '));
        expect(text).not.toContain('$');
        expect(chartText).not.toContain('$');
        expect(chartText).toMatch(/£\d/); // the CLV, heatmap and cluster axes
        expect(text).toMatch(/£\d/);
        expect(text).toContain('€');
        expect(log.consoleErrors).toEqual([]);
        expect(log.pageErrors).toEqual([]);
      });
    });
  }
});
