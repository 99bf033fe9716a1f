import type { DuckDBConnection } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { loadFiles } from '../../src/load/loadFiles.js';
import { EMPTY_MAPPING } from '../../src/load/mapping.js';
import { readKpis } from '../../src/report/readKpis.js';
import { readTrend } from '../../src/report/trend/readTrend.js';
import { rows, withTempDb, writeText } from '../helpers/db.js';

/**
 * A hand-built log, as of Sunday 2024-03-31 (weeks end on Sundays). Week by week:
 *   Feb 20 (Tue)  F f1 80            → before the first full week: left out of the trend
 *   Feb 26–Mar 3  nothing            → a week of zeros
 *   Mar 4–10      A a1 100           → A's first order
 *   Mar 11–17     A a2 50; B b1 30+20 (two lines, one order; B's first)
 *   Mar 18–24     C c1 40 (C's first); C return −10
 *   Mar 25–31     A a3 60; B b2 25 and D d1 15 on the as-of day (D's first)
 */
const LOG = `customer_id,order_id,order_date,amount
F,f1,2024-02-20,80
A,a1,2024-03-08,100
A,a2,2024-03-12,50
B,b1,2024-03-13,30
B,b1,2024-03-13,20
C,c1,2024-03-20,40
C,c1r,2024-03-22,-10
A,a3,2024-03-25,60
B,b2,2024-03-31,25
D,d1,2024-03-31,15
`;

async function run(conn: DuckDBConnection, dir: string, log = LOG, asOf = '2024-03-31'): Promise<number> {
  await loadFiles(conn, [writeText(dir, 'log.csv', log)], { mapping: EMPTY_MAPPING, mappingSource: 'test' });
  return (await analyze(conn, { asOf })).runId;
}

describe('weekly_trend (queries/pipeline/weekly_trend.sql) on a hand-built log', () => {
  it('cuts weeks ending on the as-of weekday and counts each measure as worked out by hand', async () => {
    await withTempDb(async (conn, dir) => {
      const runId = await run(conn, dir);
      const weeks = await rows(conn, `SELECT week_start::VARCHAR AS ws, week_end::VARCHAR AS we, net_revenue AS rev, orders, active_customers AS active,
          new_customers AS new, returning_customers AS ret, round(aov, 4) AS aov FROM weekly_trend WHERE run_id = ${runId} ORDER BY week_start`);
      // Feb 20 to Mar 31 is 41 days: 5 full weeks; the partial week holding Feb 20 is left out
      expect(weeks).toEqual([
        { ws: '2024-02-26', we: '2024-03-03', rev: 0, orders: 0, active: 0, new: 0, ret: 0, aov: null },
        { ws: '2024-03-04', we: '2024-03-10', rev: 100, orders: 1, active: 1, new: 1, ret: 0, aov: 100 },
        // b1's two lines are one order; A came back (first order the week before)
        { ws: '2024-03-11', we: '2024-03-17', rev: 100, orders: 2, active: 2, new: 1, ret: 1, aov: 50 },
        // the return is deducted from net revenue but is no order; AOV is over purchases: 40 / 1
        { ws: '2024-03-18', we: '2024-03-24', rev: 30, orders: 1, active: 1, new: 1, ret: 0, aov: 40 },
        // the as-of day itself belongs to the latest week
        { ws: '2024-03-25', we: '2024-03-31', rev: 100, orders: 3, active: 3, new: 1, ret: 2, aov: 33.3333 },
      ]);
    });
  });

  it('keeps 26 weeks when the data cover less than 52 full weeks, and 52 when they do', async () => {
    await withTempDb(async (conn, dir) => {
      // 363 days of data up to the as-of date: 51 full weeks → 26 weeks
      const short = await run(conn, dir, 'customer_id,order_id,order_date,amount\nA,a1,2023-04-04,10\nA,a2,2024-03-31,10\n');
      expect(await rows(conn, `SELECT count(*) AS n, min(week_start)::VARCHAR AS first FROM weekly_trend WHERE run_id = ${short}`)).toEqual([{ n: 26, first: '2023-10-02' }]);
      // one more day (364 days): 52 full weeks
      const long = await run(conn, dir, 'customer_id,order_id,order_date,amount\nB,b1,2023-04-03,10\n');
      expect(await rows(conn, `SELECT count(*) AS n, min(week_start)::VARCHAR AS first FROM weekly_trend WHERE run_id = ${long}`)).toEqual([{ n: 52, first: '2023-04-03' }]);
    });
  });

  it('matches the 28-day KPIs: the last four weeks are exactly the KPI window', async () => {
    await withTempDb(async (conn, dir) => {
      const runId = await run(conn, dir);
      const sums = (await rows(conn, `SELECT sum(net_revenue) AS rev, sum(orders) AS orders FROM weekly_trend WHERE run_id = ${runId} AND week_end > DATE '2024-03-03'`))[0]!;
      const kpis = Object.fromEntries((await readKpis(conn, runId)).map((k) => [k.key, k.value]));
      expect(sums).toEqual({ rev: kpis['revenue'], orders: kpis['orders'] });
      expect(sums).toEqual({ rev: 330, orders: 7 });
      const trend = await readTrend(conn, runId);
      expect(trend!.weeks.at(-1)!.weekEnd).toBe('2024-03-31');
      expect(trend!.incomplete).toBeNull(); // 3 orders against a median of 1 in four earlier weeks
    });
  });
});

describe('KPIs over equal, closed windows (queries/pipeline/kpis_store.sql)', () => {
  it('compares each KPI with the equal window before, from the same transactions, on the first run', async () => {
    await withTempDb(async (conn, dir) => {
      const runId = await run(conn, dir);
      const got = await rows(conn, `SELECT kpi, round(value, 4) AS v, round(previous_value, 4) AS p, window_days AS w, compared_with AS c
        FROM kpis WHERE run_id = ${runId} ORDER BY kpi`);
      // window Mar 4–31, the one before Feb 5–Mar 3 (only F's 80)
      expect(got).toEqual([
        { kpi: 'active_customers', v: 4, p: 1, w: 28, c: 'previous_window' },
        // purchases 100+50+50+40+60+25+15 = 340 over 7 orders; before: 80 over 1
        { kpi: 'aov', v: 48.5714, p: 80, w: 28, c: 'previous_window' },
        // the first run: nothing to count since a previous run
        { kpi: 'churned', v: null, p: null, w: null, c: 'previous_run' },
        // A, B, C, D, F to date; at the window start only F
        { kpi: 'customers', v: 5, p: 1, w: null, c: 'window_start' },
        { kpi: 'new_customers', v: 4, p: 1, w: 28, c: 'previous_window' },
        { kpi: 'orders', v: 7, p: 1, w: 28, c: 'previous_window' },
        // A (3 orders) and B (2) of 5 to date; at the window start F had one order: 0 of 1
        { kpi: 'repeat_rate', v: 0.4, p: 0, w: null, c: 'window_start' },
        // 10 returned of 340 bought
        { kpi: 'return_rate', v: 0.0294, p: 0, w: 28, c: 'previous_window' },
        { kpi: 'revenue', v: 330, p: 80, w: 28, c: 'previous_window' },
        { kpi: 'won_back', v: 0, p: null, w: 90, c: 'none' },
      ]);
    });
  });

  it('gives the same comparisons whether or not, and whenever, a previous run was made', async () => {
    await withTempDb(async (conn, dir) => {
      const alone = await run(conn, dir); // the first run: no previous run
      const before = (await analyze(conn, { asOf: '2024-03-10' })).runId;
      const after = (await analyze(conn, { asOf: '2024-03-31' })).runId;
      const q = (id: number) => rows(conn, `SELECT kpi, value, previous_value FROM kpis WHERE run_id = ${id} AND kpi <> 'churned' ORDER BY kpi`);
      expect(await q(after)).toEqual(await q(alone));
      // the run-to-run count is the one that needs a previous run, and it has one now
      expect(await rows(conn, `SELECT value, compared_with FROM kpis WHERE run_id = ${after} AND kpi = 'churned'`)).toEqual([{ value: 0, compared_with: 'previous_run' }]);
      expect(before).toBeLessThan(after);
    });
  });

  it('labels each KPI with its window', async () => {
    await withTempDb(async (conn, dir) => {
      const labels = Object.fromEntries((await readKpis(conn, await run(conn, dir))).map((k) => [k.key, k.label]));
      expect(labels).toMatchObject({
        revenue: 'Net revenue (last 28 days)', customers: 'Customers (to date)', repeat_rate: 'Repeat customer rate (to date)',
        won_back: 'Won back (last 90 days)', return_rate: 'Return rate (last 28 days)',
      });
    });
  });

  it('reads runs made before migration 010 as compared with the previous run, with their configured windows', async () => {
    await withTempDb(async (conn, dir) => {
      const runId = await run(conn, dir);
      // what an older run's rows look like: no window or comparison recorded, no weekly trend
      await conn.run(`UPDATE kpis SET window_days = NULL, compared_with = NULL WHERE run_id = ${runId}`);
      await conn.run(`DELETE FROM weekly_trend WHERE run_id = ${runId}`);
      const kpis = Object.fromEntries((await readKpis(conn, runId)).map((k) => [k.key, k]));
      expect(kpis['revenue']).toMatchObject({ comparedWith: 'previous_run', windowDays: 28, label: 'Net revenue (last 28 days)' });
      expect(kpis['won_back']).toMatchObject({ comparedWith: 'previous_run', windowDays: 90, label: 'Won back (last 90 days)' });
      expect(kpis['customers']).toMatchObject({ comparedWith: 'previous_run', windowDays: null, label: 'Customers (to date)' });
      expect(await readTrend(conn, runId)).toBeNull();
    });
  });
});
