import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withTempDir } from '../helpers/db.js';
import { queryJson, runCrm } from '../helpers/spawnCrm.js';

// The machine's zone must not change what is stored: DuckDB takes its session TimeZone from TZ,
// and a plain TIMESTAMPTZ → TIMESTAMP cast follows it (01:59 -0500 would be stored as 01:59 on a
// New York machine, 06:59 on a UTC one).
const NY_MACHINE = { TZ: 'America/New_York' };

const stored = (db: string) =>
  queryJson(db, `select order_id, strftime(order_date, '%Y-%m-%d %H:%M:%S') as utc from transactions where order_id in ('#1001', '#1002', '#1003') order by order_date`);

const EXPECTED = [
  { order_id: '#1001', utc: '2024-03-10 02:00:00' },
  { order_id: '#1002', utc: '2024-03-10 06:59:00' },
  { order_id: '#1003', utc: '2024-03-10 07:00:00' },
];

describe('on a machine whose zone is not UTC', () => {
  it('stores offset timestamps as UTC instants, and the session works in UTC', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'crm.duckdb');
      const r = runCrm(['load', 'fixtures/timezone/shopify-dst.csv', '--mapping', 'fixtures/timezone/shopify-dst.json', '--db', db], NY_MACHINE);
      expect(r.code, r.err).toBe(0);
      expect(stored(db)).toEqual(EXPECTED);
      const session = runCrm(['query', `select current_setting('TimeZone') as tz, (timestamptz '2024-03-10 01:59:00-05')::timestamp::varchar as cast`, '--format', 'json', '--db', db], NY_MACHINE);
      expect(JSON.parse(session.out)).toEqual([{ tz: 'UTC', cast: '2024-03-10 06:59:00' }]);
    });
  });

  it('reads naive times in the --timezone given, not the machine\'s zone', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'crm.duckdb');
      const mapping = join(dir, 'mapping.json');
      // the naive fixture's mapping without its "timezone": the flag supplies it
      const m = JSON.parse(readFileSync('fixtures/timezone/naive-local.json', 'utf8')) as Record<string, unknown>;
      delete m['timezone'];
      writeFileSync(mapping, JSON.stringify(m));
      const r = runCrm(['load', 'fixtures/timezone/naive-local.csv', '--mapping', mapping, '--timezone', 'America/New_York', '--db', db], { TZ: 'Asia/Tokyo' });
      expect(r.code, r.err).toBe(0);
      expect(stored(db)).toEqual(EXPECTED);
    });
  });

  it('analyzes in the --timezone given: 10 March in New York holds the evening orders', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'crm.duckdb');
      expect(runCrm(['load', 'fixtures/timezone/shopify-dst.csv', '--mapping', 'fixtures/timezone/shopify-dst.json', '--db', db], NY_MACHINE).code).toBe(0);
      const a = runCrm(['analyze', '--as-of', '2024-03-10', '--timezone', 'America/New_York', '--db', db], { TZ: 'Europe/Berlin' });
      expect(a.code, a.err).toBe(0);
      expect(a.out).toMatch(/^run 1 as of 2024-03-10: 4 customers scored/);
      expect(queryJson(db, `select customer_id, frequency from customer_scores order by customer_id`)).toEqual([
        { customer_id: 'a@example.com', frequency: 2 }, { customer_id: 'b@example.com', frequency: 2 },
        { customer_id: 'c@example.com', frequency: 1 }, { customer_id: 'd@example.com', frequency: 1 },
      ]);
      // named queries count days as the latest run did; ad-hoc SQL sees the stored UTC
      const orders = runCrm(['query', 'customer-orders', '--param', 'customer_id=c@example.com', '--format', 'json', '--db', db], NY_MACHINE);
      expect(orders.code, orders.err).toBe(0);
      expect((JSON.parse(orders.out) as { order_date: string }[]).map((o) => o.order_date)).toEqual(['2024-03-11 00:00:00', '2024-03-10 23:59:59']);
      expect(queryJson(db, `select order_date::varchar as d from transactions where customer_id = 'c@example.com' order by d`)).toEqual([
        { d: '2024-03-11 03:59:59' }, { d: '2024-03-11 04:00:00' },
      ]);
      // the report, made later on another machine, counts the run's days and says whose
      const rep = runCrm(['report', '--out', join(dir, 'r'), '--db', db], { TZ: 'Asia/Tokyo' });
      expect(rep.code, rep.err).toBe(0);
      const html = readFileSync(join(dir, 'r', '2024-03-10', 'report.html'), 'utf8');
      expect(html).toContain('<dd class="timezone">America/New_York (local calendar days; order times are stored in UTC)</dd>');
      // #1000–#1005: the evening orders of the 10th are in, the 11th's are not
      expect(/Data window<\/dt><dd>([^<]*)/.exec(html)?.[1]).toBe('2024-03-01 to 2024-03-10 · 6 transactions · 4 customers');
    });
  });

  it('refuses a mistyped --timezone with a did-you-mean (exit 2)', () => {
    const r = runCrm(['analyze', '--timezone', 'Europe/Berln', '--db', '/nonexistent/crm.duckdb']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--timezone: unknown time zone "Europe/Berln" (did you mean "Europe/Berlin"?)');
  });
});
