import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crm } from '../helpers/cli.js';
import { withTempDir, writeText } from '../helpers/db.js';

const SAMPLE = 'fixtures/sample/transactions.csv';
const MAPPING = 'fixtures/sample/mapping.json';

describe('crm: load → analyze → report → query on the bundled sample', () => {
  it('produces consistent tables and a report from a temporary database', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'crm.duckdb');
      const load = await crm('load', SAMPLE, '--mapping', MAPPING, '--json', '--db', db);
      expect(load.code, load.err).toBe(0);
      const counts = JSON.parse(load.out);
      const lines = readFileSync(SAMPLE, 'utf8').trimEnd().split('\n').length - 1;
      expect(counts).toMatchObject({ rows_read: lines, loaded: lines, duplicates: 0, excluded: 0, quarantined: 0, quarantine_reasons: {} });

      const analyzed = await crm('analyze', '--as-of', '2024-06-30', '--json', '--db', db);
      expect(analyzed.code, analyzed.err).toBe(0);
      const run = JSON.parse(analyzed.out);
      expect(run.asOf).toBe('2024-06-30');

      // the summary must agree with a direct computation from the transactions as of the date
      const q = await crm('query', `
        WITH t AS (SELECT * FROM transactions WHERE order_date < DATE '2024-07-01')
        SELECT (SELECT count(DISTINCT customer_id) FROM t WHERE NOT is_return) AS expected_customers,
               (SELECT count(*) FROM customer_scores WHERE run_id = ${run.runId}) AS scored,
               (SELECT round(sum(amount), 2) FROM t WHERE customer_id IN (SELECT customer_id FROM t WHERE NOT is_return)) AS expected_revenue,
               (SELECT round(sum(monetary), 2) FROM customer_scores WHERE run_id = ${run.runId}) AS monetary,
               (SELECT count(DISTINCT order_id) FROM t WHERE NOT is_return) AS expected_orders,
               (SELECT sum(frequency) FROM customer_scores WHERE run_id = ${run.runId}) AS frequency,
               (SELECT max(last_order) < DATE '2024-07-01' FROM customer_scores WHERE run_id = ${run.runId}) AS nothing_after,
               (SELECT count(*) FROM customer_scores WHERE run_id = ${run.runId} AND (r_score NOT BETWEEN 1 AND 5 OR segment IS NULL)) AS bad`, '--format', 'json', '--db', db);
      expect(q.code, q.err).toBe(0);
      const [c] = JSON.parse(q.out);
      expect(c.scored).toBe(c.expected_customers);
      expect(c.scored).toBe(run.customers);
      expect(c.monetary).toBeCloseTo(c.expected_revenue, 2);
      expect(c.frequency).toBe(c.expected_orders);
      expect(c.nothing_after).toBe(true);
      expect(c.bad).toBe(0);
      expect(Object.values(run.segments as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(run.customers);

      const report = await crm('report', '--as-of', '2024-06-30', '--out', join(dir, 'reports'), '--db', db);
      expect(report.code, report.err).toBe(0);
      const path = report.out.replace(/^report: /, '').trim();
      expect(path).toBe(join(dir, 'reports', '2024-06-30', 'report.html'));
      const html = readFileSync(path, 'utf8');
      expect(html).toContain('2024-06-30');
      for (const segment of Object.keys(run.segments)) expect(html).toContain(segment.replace("'", '&#39;'));
      expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=["']?https?:/);
    });
  });

  it('answers `crm query "select count(*) as n from customer_scores" --format json`', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'crm.duckdb');
      expect((await crm('run', 'weekly', '--db', db, '--out', join(dir, 'r'))).code).toBe(0);
      const q = await crm('query', 'select count(*) as n from customer_scores', '--format', 'json', '--db', db);
      expect(q.code, q.err).toBe(0);
      const [{ n }] = JSON.parse(q.out);
      const runs = await crm('query', 'select customers from runs', '--format', 'json', '--db', db);
      expect(n).toBe(JSON.parse(runs.out)[0].customers);
      expect(n).toBeGreaterThan(1000);
    });
  });

  it('running the pipeline twice skips the already-loaded export and adds a second run', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'crm.duckdb');
      await crm('run', '--db', db, '--out', join(dir, 'r'));
      const again = await crm('run', '--db', db, '--out', join(dir, 'r'));
      expect(again.code, again.err).toBe(0);
      expect(again.err).toMatch(/0 loaded, \d+ duplicates/);
      const q = await crm('query', `select (select count(*) from runs where status = 'ok') as runs, (select count(*) from loads where status = 'loaded') as loads, (select count(*) from transactions) as tx, (select sum(rows_loaded) from loads) as loaded`, '--format', 'json', '--db', db);
      const [r] = JSON.parse(q.out);
      expect(r).toMatchObject({ runs: 2, loads: 1 });
      expect(r.tx).toBe(r.loaded);
    });
  });
});

describe('crm: bad input and wrong usage', () => {
  it('a mapping naming a missing column exits non-zero, names it, lists the columns, writes nothing', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'crm.duckdb');
      await crm('load', SAMPLE, '--mapping', MAPPING, '--db', db);
      const mapping = JSON.parse(readFileSync(MAPPING, 'utf8'));
      mapping.columns.customer_id = 'Customer Number';
      const bad = writeText(dir, 'bad-mapping.json', JSON.stringify(mapping));
      const other = writeText(dir, 'other.csv', readFileSync(SAMPLE, 'utf8').split('\n').slice(0, 5).join('\n').replaceAll('C0', 'D0'));
      const before = await crm('query', 'select (select count(*) from transactions) t, (select count(*) from loads) l', '--format', 'json', '--db', db);
      const res = await crm('load', other, '--mapping', bad, '--db', db);
      expect(res.code).toBe(3);
      expect(res.err).toContain('"Customer Number" (mapped to customer_id)');
      expect(res.err).toContain('"CustomerID"');
      expect(res.err).toContain('other.csv');
      const after = await crm('query', 'select (select count(*) from transactions) t, (select count(*) from loads) l', '--format', 'json', '--db', db);
      expect(after.out).toBe(before.out);
    });
  });

  it('an unknown flag is a usage error (exit 2) with the usage line', async () => {
    const res = await crm('load', 'x.csv', '--mapp', 'm.json');
    expect(res.code).toBe(2);
    expect(res.err).toContain("Unknown option '--mapp'");
    expect(res.err).toContain('usage: crm load');
  });

  it('an unknown command is a usage error listing the commands', async () => {
    const res = await crm('lod');
    expect(res.code).toBe(2);
    expect(res.err).toContain('unknown command "lod"');
    expect(res.err).toContain('load, analyze, report, run, query');
  });

  it('every command has --help', async () => {
    for (const name of ['load', 'analyze', 'report', 'run', 'query']) {
      const res = await crm(name, '--help');
      expect(res.code).toBe(0);
      expect(res.out).toContain(`usage: crm ${name}`);
      expect(res.out).toContain('--db PATH');
    }
  });

  it('a bad date is a usage error; a file that does not exist is an input error', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'crm.duckdb');
      expect((await crm('analyze', '--as-of', '2024-02-30', '--db', db)).code).toBe(2);
      const missing = await crm('load', join(dir, 'nope.csv'), '--db', db);
      expect(missing.code).toBe(3);
      expect(missing.err).toContain('file not found');
    });
  });

  it('crm query is read-only', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'crm.duckdb');
      await crm('load', SAMPLE, '--mapping', MAPPING, '--db', db);
      const res = await crm('query', 'delete from transactions', '--db', db);
      expect(res.code).toBe(3);
      expect(res.err).toContain('read-only');
      const n = await crm('query', 'select count(*) > 0 as kept from transactions', '--format', 'json', '--db', db);
      expect(JSON.parse(n.out)).toEqual([{ kept: true }]);
    });
  });
});
