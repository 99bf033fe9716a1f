import type { DuckDBConnection } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { dataRange } from '../../src/analyze/resolveAsOf.js';
import { loadFiles } from '../../src/load/loadFiles.js';
import { parseMapping, readMapping } from '../../src/load/mapping.js';
import { buildSummary } from '../../src/summary/buildSummary.js';
import { withLocalTransactions } from '../../src/timezone/withLocalTransactions.js';
import { pipelineSql } from '../../src/util/paths.js';
import { exitCodeOf } from '../../src/util/error.js';
import { rows, withTempDb } from '../helpers/db.js';

const F = (name: string): string => `fixtures/timezone/${name}`;

/** Load a fixture with its mapping, checking every row is accounted for and loaded. */
async function load(conn: DuckDBConnection, csv: string, mapping: string) {
  const s = await loadFiles(conn, [F(csv)], { mapping: readMapping(F(mapping)), mappingSource: mapping });
  expect(s.loaded + s.duplicates + s.excluded + s.quarantined).toBe(s.rows_read);
  expect(s.loaded).toBe(8);
  return s;
}

const storedUtc = (conn: DuckDBConnection) =>
  rows(conn, `SELECT order_id, strftime(order_date, '%Y-%m-%d %H:%M:%S') AS utc FROM transactions ORDER BY order_date`);

// Shopify's `Created at` across the US spring-forward night (2024-03-10 02:00 EST → 03:00 EDT)
// and around midnight, by hand: local time minus its offset.
const UTC_VALUES = [
  { order_id: '#1000', utc: '2024-03-01 17:00:00' }, // 12:00 -0500
  { order_id: '#1001', utc: '2024-03-10 02:00:00' }, // 9 March 21:00 -0500: 10 March in UTC
  { order_id: '#1002', utc: '2024-03-10 06:59:00' }, // 01:59 -0500, the last minute of standard time
  { order_id: '#1003', utc: '2024-03-10 07:00:00' }, // 03:00 -0400, one minute later
  { order_id: '#1004', utc: '2024-03-11 01:00:00' }, // 10 March 21:00 -0400
  { order_id: '#1005', utc: '2024-03-11 03:59:59' }, // 10 March 23:59:59 -0400
  { order_id: '#1006', utc: '2024-03-11 04:00:00' }, // 11 March 00:00 -0400
  { order_id: '#1007', utc: '2024-03-12 00:30:00' }, // 11 March 20:30 -0400
];

/** One run's per-customer figures. */
const scores = (conn: DuckDBConnection, runId: number) =>
  rows(conn, `SELECT customer_id, frequency, x, recency_days, round(monetary, 2) AS monetary, strftime(last_order, '%Y-%m-%d %H:%M:%S') AS last_order
              FROM customer_scores WHERE run_id = ${runId} ORDER BY customer_id`);

describe('Shopify timestamps with offsets across a DST change', () => {
  it('detects the offset format and stores each order as its UTC instant', async () => {
    await withTempDb(async (conn) => {
      const s = await load(conn, 'shopify-dst.csv', 'shopify-dst.json');
      expect(s.files[0]!.detected['date_format']).toBe('%Y-%m-%d %H:%M:%S %z');
      expect(s.files[0]!.detected['timezone']).toBe("each value's offset; stored in UTC");
      expect(await storedUtc(conn)).toEqual(UTC_VALUES);
    });
  });

  it('reads naive times as wall-clock times of the mapping\'s timezone: the same instants', async () => {
    await withTempDb(async (conn) => {
      const s = await load(conn, 'naive-local.csv', 'naive-local.json');
      expect(s.files[0]!.detected['date_format']).toBe('%Y-%m-%d %H:%M:%S');
      expect(s.files[0]!.detected['timezone']).toBe('America/New_York local time (no offset in the values); stored in UTC');
      expect(await storedUtc(conn)).toEqual(UTC_VALUES);
    });
  });

  it('counts orders near midnight on their local day in a New York run, and on the UTC day in a UTC run', async () => {
    await withTempDb(async (conn) => {
      await load(conn, 'shopify-dst.csv', 'shopify-dst.json');
      const ny = await analyze(conn, { asOf: '2024-03-10', timezone: 'America/New_York' });
      expect(await scores(conn, ny.runId)).toEqual([
        // 9 March 21:00 and 10 March 21:00 local: two purchase days, the second on the as-of day
        { customer_id: 'a@example.com', frequency: 2, x: 1, recency_days: 0, monetary: 70, last_order: '2024-03-10 21:00:00' },
        // 01:59 and 03:00, a minute apart across the change: one purchase day
        { customer_id: 'b@example.com', frequency: 2, x: 0, recency_days: 0, monetary: 20, last_order: '2024-03-10 03:00:00' },
        // 23:59:59 local is still 10 March; the order at 00:00 is the 11th, after the as-of day
        { customer_id: 'c@example.com', frequency: 1, x: 0, recency_days: 0, monetary: 10, last_order: '2024-03-10 23:59:59' },
        { customer_id: 'd@example.com', frequency: 1, x: 0, recency_days: 9, monetary: 25, last_order: '2024-03-01 12:00:00' },
      ]);
      const utc = await analyze(conn, { asOf: '2024-03-10' });
      expect(await scores(conn, utc.runId)).toEqual([
        { customer_id: 'a@example.com', frequency: 1, x: 0, recency_days: 0, monetary: 30, last_order: '2024-03-10 02:00:00' },
        { customer_id: 'b@example.com', frequency: 2, x: 0, recency_days: 0, monetary: 20, last_order: '2024-03-10 07:00:00' },
        { customer_id: 'd@example.com', frequency: 1, x: 0, recency_days: 9, monetary: 25, last_order: '2024-03-01 17:00:00' },
      ]);
      // the windowed figures count the same local days: the week of 4–10 March holds #1001–#1005
      // in New York, only #1001–#1003 in UTC; the 28-day revenue adds #1000 to each
      const week = (run: number) => rows(conn, `SELECT week_end::VARCHAR AS week_end, orders, net_revenue FROM weekly_trend WHERE run_id = ${run} ORDER BY week_end DESC LIMIT 1`);
      expect(await week(ny.runId)).toEqual([{ week_end: '2024-03-10', orders: 5, net_revenue: 100 }]);
      expect(await week(utc.runId)).toEqual([{ week_end: '2024-03-10', orders: 3, net_revenue: 50 }]);
      const revenue = (run: number) => rows(conn, `SELECT value FROM kpis WHERE run_id = ${run} AND kpi = 'revenue' AND compared_with = 'previous_window'`);
      expect(await revenue(ny.runId)).toEqual([{ value: 125 }]);
      expect(await revenue(utc.runId)).toEqual([{ value: 75 }]);
      const zones = await rows(conn, `SELECT run_id, config->>'$.timezone' AS tz FROM run_config WHERE section = 'report' ORDER BY run_id`);
      expect(zones).toEqual([{ run_id: ny.runId, tz: 'America/New_York' }, { run_id: utc.runId, tz: 'UTC' }]);
      // nothing is left shadowing the stored table
      expect(await storedUtc(conn)).toEqual(UTC_VALUES);
    });
  });

  it('splits 23:59:59 and 00:00 local into two purchase days, which UTC would merge', async () => {
    await withTempDb(async (conn) => {
      await load(conn, 'shopify-dst.csv', 'shopify-dst.json');
      const x = async (timezone: string) => {
        const r = await analyze(conn, { asOf: '2024-03-11', timezone });
        return (await scores(conn, r.runId)).find((s) => s['customer_id'] === 'c@example.com')!['x'];
      };
      expect(await x('America/New_York')).toBe(1);
      expect(await x('UTC')).toBe(0);
    });
  });

  it('dates the data by local days: the latest order is 11 March in New York, 12 March in UTC', async () => {
    await withTempDb(async (conn) => {
      await load(conn, 'shopify-dst.csv', 'shopify-dst.json');
      expect(await withLocalTransactions(conn, 'America/New_York', () => dataRange(conn))).toEqual({ first: '2024-03-01', last: '2024-03-11' });
      expect(await dataRange(conn)).toEqual({ first: '2024-03-01', last: '2024-03-12' });
      // the default as-of date is the latest local day
      expect((await analyze(conn, { timezone: 'America/New_York' })).asOf).toBe('2024-03-11');
    });
  });
});

describe('a backtest\'s holdout in local days', () => {
  it('counts the purchase days after the calibration day as the zone\'s calendar has them', async () => {
    await withTempDb(async (conn) => {
      await load(conn, 'shopify-dst.csv', 'shopify-dst.json');
      // calibrated up to 10 March, holdout 11 March (queries/pipeline/holdout_purchases.sql)
      const holdout = (zone: string) =>
        withLocalTransactions(conn, zone, async () => {
          await buildSummary(conn, '2024-03-10');
          await conn.run(`CREATE OR REPLACE TEMP TABLE h AS ${pipelineSql('holdout_purchases')}`, { calibration_end: '2024-03-10', holdout_end: '2024-03-11' });
          return rows(conn, 'SELECT s.customer_id, h.purchase_days FROM h JOIN customer_summary s USING (idx) ORDER BY 1');
        });
      // New York: c's order at 00:00 on the 11th is in the holdout (e is not a customer by the 10th)
      expect(await holdout('America/New_York')).toEqual([
        { customer_id: 'a@example.com', purchase_days: 0 }, { customer_id: 'b@example.com', purchase_days: 0 },
        { customer_id: 'c@example.com', purchase_days: 1 }, { customer_id: 'd@example.com', purchase_days: 0 },
      ]);
      // UTC: a's order at 21:00 on the 10th New York time is on the 11th; c has no order by the 10th
      expect(await holdout('UTC')).toEqual([
        { customer_id: 'a@example.com', purchase_days: 1 }, { customer_id: 'b@example.com', purchase_days: 0 },
        { customer_id: 'd@example.com', purchase_days: 0 },
      ]);
    });
  });
});

describe('a bad timezone in a mapping', () => {
  it('names the file, the key, a close zone and the form expected (exit 3)', () => {
    const err = (() => {
      try {
        parseMapping({ columns: {}, timezone: 'America/New_Yrok' }, 'shop.json');
      } catch (e) {
        return e as Error;
      }
      throw new Error('accepted');
    })();
    expect(err.message).toBe('shop.json: "timezone": unknown time zone "America/New_Yrok" (did you mean "America/New_York"?); use an IANA name such as "UTC", "America/New_York" or "Europe/Berlin"');
    expect(exitCodeOf(err)).toBe(3);
    expect(() => parseMapping({ columns: {}, timezone: '-05:00' }, 'shop.json')).toThrow('shop.json: "timezone": unknown time zone "-05:00"; use an IANA name');
  });
});
