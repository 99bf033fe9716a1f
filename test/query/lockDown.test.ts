import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crm } from '../helpers/cli.js';
import { withTempDir } from '../helpers/db.js';

/** A database with the sample loaded and analyzed twice (two runs), in a temp folder. */
async function sampleDb(dir: string): Promise<string> {
  const db = join(dir, 'crm.duckdb');
  expect((await crm('load', 'fixtures/sample/transactions.csv', '--mapping', 'fixtures/sample/mapping.json', '--db', db)).code).toBe(0);
  expect((await crm('analyze', '--as-of', '2024-12-22', '--db', db)).code).toBe(0);
  expect((await crm('analyze', '--db', db)).code).toBe(0);
  return db;
}

const json = async (db: string, sql: string, ...flags: string[]) => {
  const r = await crm('query', sql, '--format', 'json', '--db', db, ...flags);
  return { ...r, rows: r.code === 0 ? (JSON.parse(r.out) as Record<string, unknown>[]) : [] };
};

describe('crm query cannot reach the file system', () => {
  let dir: string;
  let db: string;
  let release: () => void;
  beforeAll(async () => {
    await new Promise<void>((ready) => {
      void withTempDir(async (d) => {
        dir = d;
        db = await sampleDb(d);
        ready();
        await new Promise<void>((r) => (release = r));
      });
    });
  });
  afterAll(() => release());

  const refusals: [string, string][] = [
    ['COPY TO', `copy (select 'x') to '${'LEAK'}'`],
    ['read_csv of /etc/passwd', `select * from read_csv('/etc/passwd', sep=':')`],
    ['ATTACH', `attach 'ATTACHED' as other`],
    ['INSTALL', 'install httpfs'],
    ['a setting change', `set enable_external_access = true`],
  ];
  for (const [what, template] of refusals) {
    it(`refuses ${what}, says why and names --allow-files; nothing is written`, async () => {
      const leak = join(dir, 'leak.csv');
      const sql = template.replace('LEAK', leak).replace('ATTACHED', join(dir, 'other.duckdb'));
      for (const flags of [[], ['--write']]) {
        const r = await crm('query', sql, '--db', db, ...flags);
        expect(r.code, r.err).toBe(3);
        expect(r.err).toMatch(/cannot read or write files/);
        expect(r.err).toContain('--allow-files');
      }
      expect(existsSync(leak)).toBe(false);
      expect(existsSync(join(dir, 'other.duckdb'))).toBe(false);
    });
  }

  it('a named query is locked down the same way', async () => {
    const own = join(dir, 'own-queries');
    mkdirSync(own, { recursive: true });
    writeFileSync(join(own, 'leak.sql'), `-- name: leak\n-- description: tries to write a file\ncopy (select 1) to '${join(dir, 'named-leak.csv')}'\n`);
    writeFileSync(join(own, 'passwd.sql'), `-- name: passwd\n-- description: tries to read a file\nselect * from read_csv('/etc/passwd', sep=':')\n`);
    writeFileSync(join(own, 'attach.sql'), `-- name: attach\n-- description: tries to attach another database\nattach '${join(dir, 'named-other.duckdb')}' as other\n`);
    process.env['CRM_QUERIES'] = own;
    try {
      for (const name of ['leak', 'passwd', 'attach']) {
        const r = await crm('query', name, '--db', db);
        expect(r.code, r.err).toBe(3);
        expect(r.err).toContain('--allow-files');
      }
      expect(existsSync(join(dir, 'named-leak.csv'))).toBe(false);
      expect(existsSync(join(dir, 'named-other.duckdb'))).toBe(false);
    } finally {
      delete process.env['CRM_QUERIES'];
    }
  });

  it('--allow-files lets a statement write a file; plain queries need no flag', async () => {
    const out = join(dir, 'allowed.csv');
    expect((await crm('query', `copy (select 1 as one) to '${out}'`, '--db', db, '--allow-files')).code).toBe(0);
    expect(existsSync(out)).toBe(true);
    const r = await json(db, 'select count(*) as n from transactions');
    expect(r.rows).toEqual([{ n: 18420 }]);
  });

  it('latest views: one row per customer from the latest run, and the README example counts each customer once', async () => {
    const runs = await json(db, `select run_id, as_of::varchar as as_of from runs where status = 'ok' order by run_id`);
    expect(runs.rows).toHaveLength(2);
    const latest = await json(db, 'select run_id, as_of::varchar as as_of from latest_run');
    expect(latest.rows).toEqual([runs.rows[1]]);
    const [counts] = (await json(db, `select count(*) as n, count(distinct customer_id) as ids, min(run_id) = max(run_id) as one_run from latest_scores`)).rows;
    expect(counts!['n']).toBe(counts!['ids']);
    expect(counts!['one_run']).toBe(true);
    const all = (await json(db, 'select count(*) as n from customer_scores')).rows[0]!['n'] as number;
    expect(all).toBeGreaterThan(counts!['n'] as number);
    const segs = (await json(db, 'select segment, count(*) as customers from latest_scores group by segment')).rows;
    const viewSegs = (await json(db, 'select segment, customers from latest_segments')).rows;
    const byName = (xs: Record<string, unknown>[]) => Object.fromEntries(xs.map((x) => [x['segment'], x['customers']]));
    expect(byName(viewSegs)).toEqual(byName(segs));
    expect(Object.values(byName(segs)).reduce((a, b) => (a as number) + (b as number), 0)).toBe(counts!['n']);
    const [c] = (await json(db, `select count(*) as n, count(*) filter (lifetime_net_spend is null) as missing,
      count(*) filter (lifetime_orders < frequency) as fewer from customers`)).rows;
    expect(c).toEqual({ n: counts!['n'], missing: 0, fewer: 0 });
    const fits = (await json(db, 'select distinct run_id from latest_model_fits')).rows;
    expect(fits).toEqual([{ run_id: runs.rows[1]!['run_id'] }]);
  });
});
