import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crm } from '../helpers/cli.js';
import { withTempDir } from '../helpers/db.js';
import { writePipeline, writeSample } from '../helpers/spawnCrm.js';

const json = async (db: string, sql: string) => {
  const r = await crm('query', sql, '--format', 'json', '--db', db);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as Record<string, unknown>[];
};

/** Column → number of customers whose value differs between two runs (empty when identical). */
async function differingColumns(db: string, a: number, b: number): Promise<Record<string, number>> {
  const cols = (await json(db, `select column_name as c from duckdb_columns() where table_name = 'customer_scores' and column_name not in ('run_id', 'customer_id')`)).map((r) => String(r['c']));
  const [row] = await json(db, `select ${cols.map((c) => `count(*) filter (x."${c}" is distinct from y."${c}") as "${c}"`).join(', ')}
    from customer_scores x join customer_scores y using (customer_id) where x.run_id = ${a} and y.run_id = ${b}`);
  return Object.fromEntries(Object.entries(row!).filter(([, n]) => n !== 0)) as Record<string, number>;
}

describe('run history', () => {
  it('a pipeline that fails while loading leaves a failed runs row with its error', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'crm.duckdb');
      writeSample(dir, 'sample.csv');
      const p = writePipeline(dir, 'broken', { cron: '0 6 * * 1', files: ['sample.csv', 'missing.csv'] });
      const r = await crm('run', p, '--db', db);
      expect(r.code).toBe(3);
      expect(r.err).toContain('file not found');
      const [run] = await json(db, 'select pipeline, as_of, trigger, status, error, steps, finished_at is not null as finished from runs');
      expect(run).toMatchObject({ pipeline: 'broken', as_of: null, trigger: 'manual', status: 'failed', finished: true });
      expect(String(run!['error'])).toContain('missing.csv');
      expect(await json(db, 'select count(*) as n from transactions')).toEqual([{ n: 0 }]);
    });
  });

  it('crm runs lists pipeline, as-of, trigger, status, step timings and row counts; --pipeline and --limit filter', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'crm.duckdb');
      expect((await crm('run', 'weekly', '--db', db, '--out', join(dir, 'r'))).code).toBe(0);
      expect((await crm('analyze', '--as-of', '2024-06-30', '--db', db)).code).toBe(0);
      const table = await crm('runs', '--db', db);
      expect(table.code, table.err).toBe(0);
      expect(table.out).toMatch(/run_id\s+pipeline\s+as_of\s+trigger\s+status/);
      const details = await crm('runs', '--details', '--db', db);
      expect(details.out).toMatch(/load \d+, summary \d+, (currency \d+, )?(house \d+, )?rfm \d+/);
      const all = JSON.parse((await crm('runs', '--format', 'json', '--db', db)).out) as Record<string, any>[];
      expect(all.map((r) => [r['run_id'], r['pipeline'], r['trigger'], r['status']])).toEqual([[2, null, 'manual', 'ok'], [1, 'weekly', 'manual', 'ok']]);
      expect(all[1]!['as_of']).toBe('2024-12-29');
      expect(all[1]!['steps']['load']).toMatchObject({ files: 1, rows_read: 18420, loaded: 18420, duplicates: 0 });
      expect(all[1]!['steps']['summary']['customers']).toBe(all[1]!['customers']);
      expect(Object.keys(all[1]!['steps'])).toEqual(expect.arrayContaining(['load', 'summary', 'rfm', 'report']));
      expect(all[0]!['steps']['summary']['ms']).toBeGreaterThanOrEqual(0);
      const weekly = JSON.parse((await crm('runs', '--pipeline', 'weekly', '--limit', '5', '--format', 'json', '--db', db)).out);
      expect(weekly).toHaveLength(1);
      expect((await crm('runs', '--limit', '0', '--db', db)).code).toBe(2);
      expect((await crm('runs', '--format', 'csv', '--db', db)).out.split('\n')[0]).toContain('steps');
    });
  });

  it('crm run PIPELINE --as-of D re-makes a past week: identical customer_scores apart from run_id', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'crm.duckdb');
      const out = join(dir, 'reports');
      for (const asOf of ['2024-06-30', '2024-09-29', '2024-06-30']) {
        const r = await crm('run', 'weekly', '--as-of', asOf, '--db', db, '--out', out);
        expect(r.code, r.err).toBe(0);
      }
      const diff = (a: number, b: number): string =>
        `select count(*) as n from (select * exclude (run_id) from customer_scores where run_id = ${a} except all select * exclude (run_id) from customer_scores where run_id = ${b})`;
      const [{ n: first }] = await json(db, 'select count(*) as n from customer_scores where run_id = 1') as [{ n: number }];
      const [{ n: replay }] = await json(db, 'select count(*) as n from customer_scores where run_id = 3') as [{ n: number }];
      expect(first).toBeGreaterThan(1000);
      expect(replay).toBe(first);
      expect(await differingColumns(db, 1, 3)).toEqual({});
      expect(await json(db, diff(1, 3))).toEqual([{ n: 0 }]);
      expect(await json(db, diff(3, 1))).toEqual([{ n: 0 }]);
      // and the week in between really differs, so the comparison can see a difference
      expect((await json(db, diff(2, 1)))[0]!['n']).toBeGreaterThan(0);
    });
  });
});
