import { join } from 'node:path';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { bindParams } from '../../src/query/named/bindParams.js';
import { convertParam } from '../../src/query/named/convertParam.js';
import { listNamedQueries } from '../../src/query/named/listNamedQueries.js';
import { parseQueryFile } from '../../src/query/named/parseQueryFile.js';
import { crm } from '../helpers/cli.js';

const TOP = `-- name: top
-- description: Top customers
--   (free commentary is ignored)
-- param: limit INTEGER = 20   how many
-- param: since DATE = NULL    only since
-- param: who VARCHAR          required, no default
-- param: note TEXT = 'it''s'  a quoted default
SELECT $limit AS l, $since AS s, $who AS w, $note AS n, '$notaparam' AS literal -- $alsonot
`;

describe('named query files', () => {
  it('parse the header: name, description, typed parameters with defaults', () => {
    const q = parseQueryFile(TOP, '/q/top.sql');
    expect(q.name).toBe('top');
    expect(q.description).toBe('Top customers');
    expect(q.params).toEqual([
      { name: 'limit', type: 'INTEGER', required: false, default: '20', description: 'how many' },
      { name: 'since', type: 'DATE', required: false, default: null, description: 'only since' },
      { name: 'who', type: 'VARCHAR', required: true, description: 'required, no default' },
      { name: 'note', type: 'VARCHAR', required: false, default: "it's", description: 'a quoted default' },
    ]);
    expect(q.sql.startsWith('SELECT $limit')).toBe(true);
  });

  it('refuse undeclared or unused parameters, unknown types and bad defaults, naming file and line', () => {
    expect(() => parseQueryFile('-- name: a\nSELECT $x', 'a.sql')).toThrow(/a\.sql:2: the statement uses \$x but the header declares no/);
    expect(() => parseQueryFile('-- param: x INTEGER\nSELECT 1', 'a.sql')).toThrow(/parameter x is declared but the statement never uses \$x/);
    expect(() => parseQueryFile('-- param: x MONEY\nSELECT $x', 'a.sql')).toThrow(/a\.sql:1: parameter x: unknown type MONEY/);
    expect(() => parseQueryFile('-- param: x DATE = soon\nSELECT $x', 'a.sql')).toThrow(/default expected a DATE/);
    expect(() => parseQueryFile('-- name: a\n', 'a.sql')).toThrow(/no SQL statement/);
  });

  it('convert each value by its declared type, refusing what does not fit', () => {
    expect(convertParam({ type: 'INTEGER' }, '50')).toMatchObject({ value: 50 });
    expect(convertParam({ type: 'BIGINT' }, '9007199254740993')).toMatchObject({ value: 9007199254740993n });
    expect(convertParam({ type: 'DOUBLE' }, '-1.5e3')).toMatchObject({ value: -1500 });
    expect(convertParam({ type: 'BOOLEAN' }, 'yes')).toMatchObject({ value: true });
    expect(String((convertParam({ type: 'DATE' }, '2024-02-29') as { value: unknown }).value)).toBe('2024-02-29');
    expect(convertParam({ type: 'VARCHAR' }, "1'; drop table transactions; --")).toMatchObject({ value: "1'; drop table transactions; --" });
    for (const [type, bad] of [['INTEGER', '1; drop table transactions'], ['INTEGER', '2.5'], ['INTEGER', '99999999999'], ['DOUBLE', '1e'], ['DATE', '2024-02-30'], ['BOOLEAN', 'maybe']] as const) {
      expect(typeof convertParam({ type }, bad), `${type} ${bad}`).toBe('string');
    }
  });

  it('bind --param values: unknown, repeated, missing and badly typed ones are usage errors naming the parameter', () => {
    const q = parseQueryFile(TOP, 'top.sql');
    const ok = bindParams(q, [['who', 'C1'], ['limit', '5']]);
    expect(ok.values).toMatchObject({ who: 'C1', limit: 5, since: null, note: "it's" });
    expect(() => bindParams(q, [['who', 'C1'], ['limt', '5']])).toThrow(/--param limt: query top has no parameter "limt"; its parameters: limit INTEGER = 20/);
    expect(() => bindParams(q, [['who', 'a'], ['who', 'b']])).toThrow(/--param who is given twice/);
    expect(() => bindParams(q, [])).toThrow(/query top needs --param who=VARCHAR/);
    expect(() => bindParams(q, [['who', 'a'], ['limit', 'ten']])).toThrow(/--param limit: expected an INTEGER/);
  });

  it('every shipped query parses', () => {
    const names = listNamedQueries().map((q) => q.name);
    for (const n of ['top-customers', 'worth-saving', 'segment-movers', 'cohorts', 'customer-history', 'customer-orders', 'segment-sizes', 'next-best-offer']) {
      expect(names).toContain(n);
    }
  });
});

describe('crm query NAME --param, crm queries, --write', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-test-'));
    db = join(dir, 'crm.duckdb');
    for (const asOf of ['2024-06-30', '2024-12-29']) {
      const r = await crm('run', 'weekly', '--as-of', asOf, '--db', db, '--out', join(dir, 'reports'));
      expect(r.code, r.err).toBe(0);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const json = async (...args: string[]) => {
    const r = await crm('query', ...args, '--format', 'json', '--db', db);
    expect(r.code, r.err).toBe(0);
    return JSON.parse(r.out) as Record<string, unknown>[];
  };
  const transactions = async () => (await json('select count(*) as n from transactions'))[0]!['n'];

  it('runs every shipped query on the latest successful run by default', async () => {
    const top = await json('top-customers', '--param', 'since=2024-01-01', '--param', 'limit=50');
    expect(top).toHaveLength(50);
    expect(top.every((r) => r['as_of'] === '2024-12-29' && String(r['last_order']) >= '2024-01-01')).toBe(true);
    expect((top[0]!['monetary'] as number) >= (top[49]!['monetary'] as number)).toBe(true);
    const worth = await json('worth-saving', '--param', 'limit=10');
    expect(worth.length).toBeGreaterThan(0);
    expect(worth.map((r) => r['rank'])).toEqual(worth.map((_, i) => i + 1));
    expect(worth.every((r) => r['value_tier'] === 'top' && Number(r['churn_risk']) >= 0.8)).toBe(true);
    expect(worth.every((r, i) => i === 0 || Number(worth[i - 1]!['value_if_kept_12m']) >= Number(r['value_if_kept_12m']))).toBe(true);
    const movers = await json('segment-movers');
    expect(movers.length).toBeGreaterThan(0);
    expect(movers.every((r) => r['from_segment'] !== r['to_segment'])).toBe(true);
    const cohorts = await json('cohorts');
    expect(cohorts[0]).toHaveProperty('m1_pct');
    const history = await json('customer-history', '--param', `customer_id=${String(top[0]!['customer_id'])}`);
    expect(history.map((r) => r['as_of'])).toEqual(['2024-06-30', '2024-12-29']);
    expect((await json('customer-orders', '--param', `customer_id=${String(top[0]!['customer_id'])}`)).length).toBeGreaterThan(0);
    expect((await json('segment-sizes')).length).toBeGreaterThan(3);
  });

  it('parameter values such as `1; drop table transactions` are inert', async () => {
    const before = await transactions();
    expect(await json('customer-orders', '--param', 'customer_id=1; drop table transactions')).toEqual([]);
    expect(await json('customer-history', '--param', "customer_id=x' OR '1'='1")).toEqual([]);
    const bad = await crm('query', 'top-customers', '--param', 'limit=1; drop table transactions', '--db', db);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--param limit: expected an INTEGER');
    expect(await json('select $v as v', '--param', 'v=1; drop table transactions')).toEqual([{ v: '1; drop table transactions' }]);
    expect(await transactions()).toBe(before);
  });

  it('names a missing or unknown parameter and an unknown query', async () => {
    const missing = await crm('query', 'customer-history', '--db', db);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('needs --param customer_id=VARCHAR');
    const unknown = await crm('query', 'top-customers', '--param', 'limt=5', '--db', db);
    expect(unknown.err).toContain('has no parameter "limt"');
    const nope = await crm('query', 'top-customerz', '--db', db);
    expect(nope.code).toBe(2);
    expect(nope.err).toContain('no named query "top-customerz"');
  });

  it('crm queries lists names, descriptions and parameters; $CRM_QUERIES adds a folder', async () => {
    const list = await crm('queries');
    expect(list.code).toBe(0);
    expect(list.out).toContain('top-customers');
    expect(list.out).toContain('--param limit INTEGER = 20');
    expect(list.out).toContain('customer_id VARCHAR (required)');
    writeFileSync(join(dir, 'mine.sql'), '-- name: mine\n-- description: my own\n-- param: n INTEGER = 3\nSELECT range AS i FROM range($n)\n');
    process.env['CRM_QUERIES'] = dir;
    try {
      const json = JSON.parse((await crm('queries', '--format', 'json')).out) as { name: string }[];
      expect(json.map((q) => q.name)).toContain('mine');
      const r = await crm('query', 'mine', '--param', 'n=2', '--format', 'csv', '--db', db);
      expect(r.out).toBe('i\n0\n1\n');
    } finally {
      delete process.env['CRM_QUERIES'];
    }
  });

  it('a statement that writes is refused without --write and runs with it (under the writer lock)', async () => {
    const refused = await crm('query', 'create table scratch as select 1 as x', '--db', db);
    expect(refused.code).toBe(3);
    expect(refused.err).toContain('--write');
    const ok = await crm('query', 'create table scratch as select 1 as x', '--write', '--db', db);
    expect(ok.code, ok.err).toBe(0);
    expect(await json('select x from scratch')).toEqual([{ x: 1 }]);
  });
});
