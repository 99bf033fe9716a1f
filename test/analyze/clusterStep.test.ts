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

  it('gives every customer of both runs a cluster id in 0..k−1, or a set-aside reason instead', async () => {
    for (const run of [first, second]) {
      const [r] = await query(db, `
        SELECT count(*) AS n, count(cluster) AS clustered, min(cluster) AS lo, max(cluster) AS hi,
          count(*) FILTER (WHERE (cluster IS NULL) = (cluster_set_aside IS NULL)) AS both_or_neither,
          count(cluster_set_aside) AS set_aside,
          (SELECT count(*) FROM cluster_profiles WHERE run_id = ${run.runId}) AS k
        FROM customer_scores WHERE run_id = ${run.runId}`);
      expect(r!['n']).toBe(run.customers);
      expect(r!['both_or_neither']).toBe(0);
      expect(Number(r!['clustered']) + Number(r!['set_aside'])).toBe(run.customers);
      expect(r!['lo']).toBe(0);
      expect(r!['hi']).toBe(Number(r!['k']) - 1);
      expect(run.timings['clusters']).toBeGreaterThanOrEqual(0);
    }
  });

  it('stores profiles whose sizes add up to the run and agree with the customers', async () => {
    for (const run of [first, second]) {
      const profiles = await query(db, `SELECT * FROM cluster_profiles WHERE run_id = ${run.runId} ORDER BY cluster`);
      const [{ clustered }] = (await query(db, `SELECT clustered FROM cluster_runs WHERE run_id = ${run.runId}`)) as [{ clustered: number }];
      expect(profiles.reduce((s, p) => s + Number(p['size']), 0)).toBe(Number(clustered));
      expect(profiles.reduce((s, p) => s + Number(p['share']), 0)).toBeCloseTo(1, 9);
      expect(profiles.reduce((s, p) => s + Number(p['revenue_share']), 0)).toBeCloseTo(1, 9);
      expect(new Set(profiles.map((p) => p['name'])).size).toBe(profiles.length);
      const direct = await query(db, `
        SELECT cluster, count(*) AS size, median(recency_days) AS median_r, avg(monetary) AS mean_m, mode(segment ORDER BY segment) AS seg
        FROM customer_scores WHERE run_id = ${run.runId} AND cluster IS NOT NULL GROUP BY cluster ORDER BY cluster`);
      direct.forEach((d, c) => {
        expect(profiles[c]!['size']).toBe(d['size']);
        expect(profiles[c]!['median_recency_days']).toBeCloseTo(Number(d['median_r']), 9);
        expect(profiles[c]!['mean_monetary']).toBeCloseTo(Number(d['mean_m']), 6);
      });
      const centre = JSON.parse(String(profiles[0]!['centre']));
      expect(Object.keys(centre)).toEqual(['recency_days', 'frequency', 'monetary', 'tenure_days']);
      const lift = JSON.parse(String(profiles[0]!['lift']));
      expect(Object.keys(lift)).toEqual(['recency_days', 'frequency', 'monetary', 'tenure_days', 'avg_order_value', 'return_rate']);
      // lift = the cluster's mean over the clustered base's mean, checked against SQL
      const [base] = await query(db, `SELECT avg(frequency) AS f FROM customer_scores WHERE run_id = ${run.runId} AND cluster IS NOT NULL`);
      expect(lift['frequency']).toBeCloseTo(Number(profiles[0]!['mean_frequency']) / Number(base!['f']), 9);
      for (const p of profiles) expect(['win_back', 'second_order', 'reward', 'upsell']).toContain(p['action']);
    }
  });

  it('stores the candidates k = 3..8 and the reason, the chosen k following the documented rule', async () => {
    for (const run of [first, second]) {
      const s = await query(db, `SELECT k, silhouette, chosen, min_share, eligible FROM cluster_silhouette WHERE run_id = ${run.runId} ORDER BY k`);
      expect(s.map((r) => r['k'])).toEqual([3, 4, 5, 6, 7, 8]);
      const chosen = s.filter((r) => r['chosen']);
      expect(chosen).toHaveLength(1);
      const [{ k }] = (await query(db, `SELECT count(*) AS k FROM cluster_profiles WHERE run_id = ${run.runId}`)) as [{ k: number }];
      expect(chosen[0]!['k']).toBe(k);
      expect(k).toBeGreaterThanOrEqual(3);
      const [choice] = await query(db, `SELECT * FROM cluster_runs WHERE run_id = ${run.runId}`);
      expect(choice).toMatchObject({ k, tolerance: 0.1, min_share: 0.02 });
      const eligible = s.filter((r) => r['eligible']);
      for (const r of s) expect(r['eligible']).toBe(Number(r['min_share']) >= 0.02);
      const best = Math.max(...eligible.map((r) => Number(r['silhouette'])));
      expect(choice!['best_k']).toBe(eligible.find((r) => Number(r['silhouette']) === best)!['k']);
      const good = eligible.filter((r) => Number(r['silhouette']) >= best * 0.9).map((r) => Number(r['k']));
      expect(good).toContain(k);
      if (choice!['reason'] === 'largest_within_tolerance') expect(k).toBe(Math.max(...good));
      else expect(choice!['reason']).toBe('kept_previous');
      // every cluster holds at least the minimum share of the clustered customers
      const sizes = await query(db, `SELECT share FROM cluster_profiles WHERE run_id = ${run.runId}`);
      for (const p of sizes) expect(Number(p['share'])).toBeGreaterThanOrEqual(0.02);
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
      WHERE a.run_id = ${first.runId} AND b.run_id = ${second.runId} AND a.cluster IS NOT NULL AND b.cluster IS NOT NULL`);
    expect(stored).toMatchObject({ previous_run_id: first.runId, compared: direct!['compared'], changed: direct!['changed'] });
    expect(Number(stored!['ari'])).toBeGreaterThan(0.8);
    expect(Number(stored!['ari'])).toBeLessThanOrEqual(1);
    const [clustered] = await query(db, `SELECT count(*) AS n FROM customer_scores WHERE run_id = ${first.runId} AND cluster IS NOT NULL`);
    expect(Number(direct!['compared'])).toBe(Number(clustered!['n']));
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
    const [c] = await query(db, `SELECT changed, compared, ari FROM cluster_changes WHERE run_id = ${second.runId}`);
    expect(page).toMatch(new RegExp(`${Number(c!['changed']).toLocaleString('en-US')} of the ${Number(c!['compared']).toLocaleString('en-US')} customers clustered in both runs`));
    expect(page).toContain(`adjusted Rand index, 1 = the same, 0 = chance): ${Number(c!['ari']).toFixed(2)}.`);
    // the segment CSV carries each customer's cluster name and suggested action
    const csv = readFileSync(join(out, WEEK_2, 'segments.csv'), 'utf8').split('\r\n');
    expect(csv[0]).toBe('customer_id,segment,state,lifecycle_stage,cluster,cluster_name,cluster_action,cluster_set_aside,clv_12m');
    const [{ customer_id: id, cluster, name, action }] = (await query(db, `
      SELECT s.customer_id, s.cluster, p.name, p.action FROM customer_scores s JOIN cluster_profiles p USING (run_id, cluster)
      WHERE s.run_id = ${second.runId} ORDER BY s.customer_id LIMIT 1`)) as [{ customer_id: string; cluster: number; name: string; action: string }];
    expect(csv.find((l) => l.startsWith(`${id},`))).toContain(`,${cluster},${name},${action},,`);
  });
});

describe('clusters with customers that distort the geometry (fixtures/clusters/extremes.csv)', () => {
  let dir: string;
  let db: string;
  let run: Awaited<ReturnType<typeof analyze>>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-clusters-extremes-'));
    db = join(dir, 'crm.duckdb');
    const load = await crm('load', SAMPLE, 'fixtures/clusters/extremes.csv', '--mapping', MAPPING, '--db', db);
    expect(load.code, load.err).toBe(0);
    run = await analyze(db, WEEK_2);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('sets the zero-spend and the extreme customers aside, names and counts them, and clusters none of them', async () => {
    const aside = await query(db, `SELECT customer_id, cluster, cluster_set_aside FROM customer_scores
      WHERE run_id = ${run.runId} AND (customer_id LIKE 'Z%' OR customer_id LIKE 'X%') ORDER BY customer_id`);
    expect(aside).toHaveLength(16);
    for (const a of aside) {
      expect(a['cluster']).toBeNull();
      expect(a['cluster_set_aside']).toBe(String(a['customer_id']).startsWith('Z') ? 'no_net_spend' : 'outlier');
    }
    const groups = await query(db, `SELECT reason, customers FROM cluster_set_aside WHERE run_id = ${run.runId} ORDER BY reason`);
    const [direct] = await query(db, `SELECT count(*) FILTER (WHERE monetary <= 0) AS none, count(*) FILTER (WHERE cluster_set_aside = 'outlier') AS outliers
      FROM customer_scores WHERE run_id = ${run.runId}`);
    expect(groups.find((g) => g['reason'] === 'no_net_spend')!['customers']).toBe(direct!['none']);
    expect(Number(direct!['none'])).toBeGreaterThanOrEqual(12);
    expect(groups.find((g) => g['reason'] === 'outlier')!['customers']).toBe(direct!['outliers']);
    // no cluster is made of them: every cluster holds at least the minimum share
    const shares = await query(db, `SELECT share, size FROM cluster_profiles WHERE run_id = ${run.runId}`);
    expect(shares.length).toBeGreaterThanOrEqual(3);
    for (const p of shares) expect(Number(p['share'])).toBeGreaterThanOrEqual(0.02);
  });

  it('shows the set-aside groups by name in the report, in English and Chinese', async () => {
    const out = join(dir, 'reports');
    expect((await crm('report', '--out', out, '--db', db)).code).toBe(0);
    const page = readFileSync(join(out, WEEK_2, 'report.html'), 'utf8');
    expect(page).toContain('Set aside before clustering');
    expect(page).toMatch(/No net spend<\/td>/);
    expect(page).toMatch(/Extreme outliers<\/td>/);
    const zh = join(dir, 'reports-zh');
    expect((await crm('report', '--out', zh, '--locale', 'zh-CN', '--db', db)).code).toBe(0);
    const zhPage = readFileSync(join(zh, WEEK_2, 'report.html'), 'utf8');
    expect(zhPage).toMatch(/无净消费<\/td>/);
    expect(zhPage).toMatch(/极端离群者<\/td>/);
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
