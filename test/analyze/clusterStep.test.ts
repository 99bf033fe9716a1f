import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDatabase } from '../../src/store/database.js';
import { crm } from '../helpers/cli.js';
import { rows, withTempDir, writeText } from '../helpers/db.js';

const SAMPLE = 'fixtures/sample/transactions.csv';
const MAPPING = 'fixtures/sample/mapping.json';
const WEEK_1 = '2024-12-22';
const WEEK_2 = '2024-12-29';

async function analyze(db: string, asOf: string): Promise<{ runId: number; customers: number; timings: Record<string, number>; notes: string[] }> {
  const r = await crm('analyze', '--as-of', asOf, '--json', '--db', db);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out);
}

const query = (db: string, sql: string) => withDatabase(db, { readOnly: true }, (conn) => rows(conn, sql));

describe('clusters in the weekly analysis (bundled sample, two weeks)', () => {
  let dir: string;
  let db: string;
  let first: Awaited<ReturnType<typeof analyze>>;
  let second: Awaited<ReturnType<typeof analyze>>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-clusters-'));
    db = join(dir, 'crm.duckdb');
    const load = await crm('load', SAMPLE, '--mapping', MAPPING, '--db', db);
    expect(load.code, load.err).toBe(0);
    first = await analyze(db, WEEK_1);
    second = await analyze(db, WEEK_2);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives every customer of both runs a cluster id in 0..k−1', async () => {
    for (const run of [first, second]) {
      const [r] = await query(db, `
        SELECT count(*) AS n, count(cluster) AS clustered, min(cluster) AS lo, max(cluster) AS hi,
          (SELECT count(*) FROM cluster_profiles WHERE run_id = ${run.runId}) AS k
        FROM customer_scores WHERE run_id = ${run.runId}`);
      expect(r!['n']).toBe(run.customers);
      expect(r!['clustered']).toBe(run.customers);
      expect(r!['lo']).toBe(0);
      expect(r!['hi']).toBe(Number(r!['k']) - 1);
      expect(run.timings['clusters']).toBeGreaterThanOrEqual(0);
    }
  });

  it('stores profiles whose sizes add up to the run and agree with the customers', async () => {
    for (const run of [first, second]) {
      const profiles = await query(db, `SELECT * FROM cluster_profiles WHERE run_id = ${run.runId} ORDER BY cluster`);
      expect(profiles.reduce((s, p) => s + Number(p['size']), 0)).toBe(run.customers);
      expect(profiles.reduce((s, p) => s + Number(p['share']), 0)).toBeCloseTo(1, 9);
      expect(profiles.reduce((s, p) => s + Number(p['revenue_share']), 0)).toBeCloseTo(1, 9);
      expect(new Set(profiles.map((p) => p['name'])).size).toBe(profiles.length);
      const direct = await query(db, `
        SELECT cluster, count(*) AS size, median(recency_days) AS median_r, avg(monetary) AS mean_m, mode(segment ORDER BY segment) AS seg
        FROM customer_scores WHERE run_id = ${run.runId} GROUP BY cluster ORDER BY cluster`);
      direct.forEach((d, c) => {
        expect(profiles[c]!['size']).toBe(d['size']);
        expect(profiles[c]!['median_recency_days']).toBeCloseTo(Number(d['median_r']), 9);
        expect(profiles[c]!['mean_monetary']).toBeCloseTo(Number(d['mean_m']), 6);
      });
      const centre = JSON.parse(String(profiles[0]!['centre']));
      expect(Object.keys(centre)).toEqual(['recency_days', 'frequency', 'monetary', 'tenure_days', 'avg_order_value', 'return_rate']);
    }
  });

  it('stores the silhouette of k = 2..8 with exactly the chosen k marked', async () => {
    for (const run of [first, second]) {
      const s = await query(db, `SELECT k, silhouette, chosen FROM cluster_silhouette WHERE run_id = ${run.runId} ORDER BY k`);
      expect(s.map((r) => r['k'])).toEqual([2, 3, 4, 5, 6, 7, 8]);
      const chosen = s.filter((r) => r['chosen']);
      expect(chosen).toHaveLength(1);
      const [{ k }] = (await query(db, `SELECT count(*) AS k FROM cluster_profiles WHERE run_id = ${run.runId}`)) as [{ k: number }];
      expect(chosen[0]!['k']).toBe(k);
      // the chosen k has the best silhouette
      expect(Number(chosen[0]!['silhouette'])).toBe(Math.max(...s.map((r) => Number(r['silhouette']))));
    }
  });

  it('keeps cluster ids stable from one week to the next', async () => {
    const a = await query(db, `SELECT cluster, name, previous_cluster FROM cluster_profiles WHERE run_id = ${first.runId} ORDER BY cluster`);
    const b = await query(db, `SELECT cluster, name, previous_cluster FROM cluster_profiles WHERE run_id = ${second.runId} ORDER BY cluster`);
    expect(b).toHaveLength(a.length);
    expect(a.every((p) => p['previous_cluster'] === null)).toBe(true);
    // every cluster was matched to the previous run's cluster with the same id
    expect(b.map((p) => p['previous_cluster'])).toEqual(b.map((p) => p['cluster']));
    const sameName = b.filter((p, c) => p['name'] === a[c]!['name']).length;
    expect(sameName).toBeGreaterThanOrEqual(Math.ceil(b.length / 2));
  });

  it('counts the customers who changed cluster exactly as a direct comparison does, and few did', async () => {
    const [stored] = await query(db, `SELECT * FROM cluster_changes WHERE run_id = ${second.runId}`);
    const [direct] = await query(db, `
      SELECT count(*) AS compared, count(*) FILTER (WHERE a.cluster <> b.cluster) AS changed
      FROM customer_scores a JOIN customer_scores b USING (customer_id)
      WHERE a.run_id = ${first.runId} AND b.run_id = ${second.runId}`);
    expect(stored).toMatchObject({ previous_run_id: first.runId, compared: direct!['compared'], changed: direct!['changed'] });
    expect(Number(direct!['compared'])).toBe(first.customers);
    expect(Number(direct!['changed']) / Number(direct!['compared'])).toBeLessThan(0.1);
    expect(await query(db, `SELECT * FROM cluster_changes WHERE run_id = ${first.runId}`)).toEqual([]);
  });

  it('is deterministic: the same week analysed again gives the same clusters', async () => {
    const again = await analyze(db, WEEK_2);
    const [diff] = await query(db, `
      SELECT count(*) FILTER (WHERE a.cluster IS DISTINCT FROM b.cluster) AS differ, count(*) AS n
      FROM customer_scores a JOIN customer_scores b USING (customer_id)
      WHERE a.run_id = ${second.runId} AND b.run_id = ${again.runId}`);
    expect(diff).toEqual({ differ: 0, n: second.customers });
    const names = async (run: number) => (await query(db, `SELECT name, size FROM cluster_profiles WHERE run_id = ${run} ORDER BY cluster`));
    expect(await names(again.runId)).toEqual(await names(second.runId));
  });

  it('shows the Clusters section in the report', async () => {
    const out = join(dir, 'reports');
    const r = await crm('report', '--run', String(second.runId), '--out', out, '--db', db);
    expect(r.code, r.err).toBe(0);
    const page = readFileSync(join(out, WEEK_2, 'report.html'), 'utf8');
    expect(page).toContain('<h2 id="clusters-h">Clusters</h2>');
    expect(page).toContain('id="chart-cluster-scatter"');
    expect(page).toContain('id="chart-cluster-silhouette"');
    const names = await query(db, `SELECT cluster, name FROM cluster_profiles WHERE run_id = ${second.runId} ORDER BY cluster`);
    for (const p of names) expect(page).toContain(`${p['cluster']} · ${p['name']}`);
    const [c] = await query(db, `SELECT changed, compared FROM cluster_changes WHERE run_id = ${second.runId}`);
    expect(page).toMatch(new RegExp(`${Number(c!['changed']).toLocaleString('en-US')} of the ${Number(c!['compared']).toLocaleString('en-US')} customers in both runs`));
  });
});

describe('clusters on data too small to cluster', () => {
  it('skips clustering with a note and still finishes the run', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'crm.duckdb');
      const csv = writeText(dir, 'one.csv', 'CustomerID,InvoiceNo,InvoiceDate,Quantity,UnitPrice\nC1,1,2024-01-05,1,10\nC1,2,2024-02-05,2,10\n');
      expect((await crm('load', csv, '--db', db)).code).toBe(0);
      const run = await analyze(db, '2024-02-11');
      expect(run.customers).toBe(1);
      expect(run.notes.join(' ')).toMatch(/clusters skipped: 1 customers/);
      expect(await query(db, 'SELECT * FROM cluster_profiles')).toEqual([]);
      const r = await crm('report', '--out', join(dir, 'reports'), '--db', db);
      expect(r.code, r.err).toBe(0);
      expect(readFileSync(join(dir, 'reports', '2024-02-11', 'report.html'), 'utf8')).toContain('No clusters for this run');
    });
  });
});
