import type { DuckDBConnection } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { loadFiles } from '../../src/load/loadFiles.js';
import { EMPTY_MAPPING } from '../../src/load/mapping.js';
import { rows, withTempDb } from '../helpers/db.js';

const FILE = 'fixtures/dynamics/worked-example.csv';

async function twoRuns(conn: DuckDBConnection, first = '2024-05-31', second = '2024-06-30') {
  await loadFiles(conn, [FILE], { mapping: EMPTY_MAPPING, mappingSource: 'test' });
  // the worked example's last order is 2024-06-20: its month-end as-of is deliberately 10 days later
  const a = await analyze(conn, { asOf: first, allowFutureAsOf: true });
  const b = await analyze(conn, { asOf: second, allowFutureAsOf: true });
  return { a: a.runId, b: b.runId };
}

const byCustomer = async (conn: DuckDBConnection, run: number, col: string) =>
  Object.fromEntries((await rows(conn, `SELECT customer_id, ${col} AS v FROM customer_scores WHERE run_id = ${run}`)).map((r) => [r['customer_id'], r['v']]));

describe('customer states and lifecycle stages (worked example, fixtures/dynamics/README.md)', () => {
  it('labels every customer as worked out by hand', async () => {
    await withTempDb(async (conn) => {
      const { a, b } = await twoRuns(conn);
      // W, 2024-06-30: gap before the last order 486 days > max(180, 3 × 31) and last order 20 days ago → won back.
      // A: mean gap 30.7 days, 150 days since the last order > max(60, 1.5 × 30.7) but ≤ 180 → lapsing; decline.
      // R: mean gap 46 days, 29 days since → neither lapsing nor lapsed; 3 orders < 4 → repeat; tenure 121 days → formation.
      expect(await byCustomer(conn, b, 'state')).toEqual({ N: 'first_order', R: 'repeat', L: 'regular', A: 'lapsing', X: 'lapsed', W: 'won_back' });
      expect(await byCustomer(conn, b, 'lifecycle_stage')).toEqual({
        N: 'exploration', R: 'formation', L: 'stability', A: 'decline', X: 'decline', W: 'formation',
      });
      // 2024-05-31: W's last order was 476 days earlier (> 180) → lapsed; N has not bought yet.
      expect(await byCustomer(conn, a, 'state')).toEqual({ R: 'repeat', L: 'regular', A: 'lapsing', X: 'lapsed', W: 'lapsed' });
    });
  });

  it('counts state transitions between the two runs, first-time customers coming from prospect', async () => {
    await withTempDb(async (conn) => {
      const { b } = await twoRuns(conn);
      const moves = await rows(conn, `SELECT from_state || '→' || to_state AS m, customers FROM state_moves WHERE run_id = ${b} ORDER BY m`);
      expect(moves).toEqual([
        { m: 'lapsed→lapsed', customers: 1 },
        { m: 'lapsed→won_back', customers: 1 },
        { m: 'lapsing→lapsing', customers: 1 },
        { m: 'prospect→first_order', customers: 1 },
        { m: 'regular→regular', customers: 1 },
        { m: 'repeat→repeat', customers: 1 },
      ]);
      const kpi = await rows(conn, `SELECT kpi, value FROM kpis WHERE run_id = ${b} AND kpi IN ('won_back', 'churned', 'customers') ORDER BY kpi`);
      expect(kpi).toEqual([{ kpi: 'churned', value: 0 }, { kpi: 'customers', value: 6 }, { kpi: 'won_back', value: 1 }]);
    });
  });

  it('gives every customer exactly one state and one stage per run (sample data, two runs)', async () => {
    await withTempDb(async (conn) => {
      await loadFiles(conn, ['fixtures/sample/transactions.csv'], { mapping: EMPTY_MAPPING, mappingSource: 't' });
      for (const asOf of ['2024-06-30', '2024-12-29']) await analyze(conn, { asOf });
      const bad = await rows(conn, `SELECT count(*) AS n FROM customer_scores
        WHERE state NOT IN ('first_order', 'repeat', 'regular', 'lapsing', 'lapsed', 'won_back') OR state IS NULL
           OR lifecycle_stage NOT IN ('exploration', 'formation', 'stability', 'decline') OR lifecycle_stage IS NULL`);
      expect(bad).toEqual([{ n: 0 }]);
      const dupes = await rows(conn, 'SELECT count(*) AS n FROM (SELECT run_id, customer_id FROM customer_scores GROUP BY ALL HAVING count(*) > 1)');
      expect(dupes).toEqual([{ n: 0 }]);
    });
  });
});

describe('segment movement', () => {
  it('the moves matrix reproduces both runs\' segment counts; new customers come from a "new" row', async () => {
    await withTempDb(async (conn) => {
      await loadFiles(conn, ['fixtures/sample/transactions.csv'], { mapping: EMPTY_MAPPING, mappingSource: 't' });
      const a = (await analyze(conn, { asOf: '2024-09-29' })).runId;
      const b = (await analyze(conn, { asOf: '2024-12-29' })).runId;
      const later = await rows(conn, `SELECT segment AS s, count(*) AS n FROM customer_scores WHERE run_id = ${b} GROUP BY 1 ORDER BY 1`);
      const earlier = await rows(conn, `SELECT segment AS s, count(*) AS n FROM customer_scores WHERE run_id = ${a} GROUP BY 1 ORDER BY 1`);
      const to = await rows(conn, `SELECT to_segment AS s, sum(customers)::BIGINT AS n FROM segment_moves WHERE run_id = ${b} GROUP BY 1 ORDER BY 1`);
      const from = await rows(conn, `SELECT from_segment AS s, sum(customers)::BIGINT AS n FROM segment_moves WHERE run_id = ${b} AND from_segment <> 'new' GROUP BY 1 ORDER BY 1`);
      expect(to).toEqual(later);
      expect(from).toEqual(earlier);
      const [newRow] = await rows(conn, `SELECT sum(customers)::BIGINT AS n FROM segment_moves WHERE run_id = ${b} AND from_segment = 'new'`);
      const [grown] = await rows(conn, `SELECT (SELECT count(*) FROM customer_scores WHERE run_id = ${b}) - (SELECT count(*) FROM customer_scores WHERE run_id = ${a}) AS n`);
      expect(newRow!['n']).toBe(grown!['n']);
      // the customers behind a cell are queryable
      const [cell] = await rows(conn, `SELECT from_segment, to_segment, customers FROM segment_moves WHERE run_id = ${b} AND from_segment <> to_segment ORDER BY customers DESC LIMIT 1`);
      const behind = await rows(conn, `SELECT count(*) AS n FROM customer_moves(${a}, ${b}) WHERE from_segment = '${String(cell!['from_segment']).replaceAll("'", "''")}' AND to_segment = '${String(cell!['to_segment']).replaceAll("'", "''")}'`);
      expect(behind).toEqual([{ n: cell!['customers'] }]);
    });
  });
});

describe('cohort retention', () => {
  it('matches the worked example: cohort 2023-01 is L and W, both back in month 1, only L in month 2', async () => {
    await withTempDb(async (conn) => {
      const { b } = await twoRuns(conn);
      const cells = await rows(conn, `SELECT months_since, customers, active, share FROM cohort_retention
        WHERE run_id = ${b} AND cohort_month = DATE '2023-01-01' AND months_since <= 2 ORDER BY months_since`);
      expect(cells).toEqual([
        { months_since: 0, customers: 2, active: 2, share: 1 },
        { months_since: 1, customers: 2, active: 2, share: 1 },
        { months_since: 2, customers: 1 + 1, active: 1, share: 0.5 },
      ]);
      // as of 2024-06-30 (a month end) June is complete: N's cohort exists
      expect(await rows(conn, `SELECT count(*) AS n FROM cohort_retention WHERE run_id = ${b} AND cohort_month = DATE '2024-06-01'`)).toEqual([{ n: 1 }]);
    });
  });

  it('leaves out the incomplete current month; shares are in [0, 1] and month 0 is 100%', async () => {
    await withTempDb(async (conn) => {
      const { b } = await twoRuns(conn, '2024-05-31', '2024-06-29');
      const [c] = await rows(conn, `SELECT max(cohort_month + to_months(months_since))::DATE::VARCHAR AS last,
        count(*) FILTER (WHERE share < 0 OR share > 1) AS out_of_range,
        count(*) FILTER (WHERE months_since = 0 AND share <> 1) AS month0_not_full
        FROM cohort_retention WHERE run_id = ${b}`);
      expect(c).toEqual({ last: '2024-05-01', out_of_range: 0, month0_not_full: 0 });
    });
  });
});

describe('value concentration', () => {
  it('is a monotone Pareto curve ending at 100% of revenue', async () => {
    await withTempDb(async (conn) => {
      const { b } = await twoRuns(conn);
      const curve = await rows(conn, `SELECT customer_share, revenue_share FROM value_concentration WHERE run_id = ${b} ORDER BY customer_share`);
      expect(curve).toHaveLength(100);
      for (let i = 1; i < curve.length; i++) expect(Number(curve[i]!['revenue_share'])).toBeGreaterThanOrEqual(Number(curve[i - 1]!['revenue_share']));
      expect(Number(curve[99]!['revenue_share'])).toBeCloseTo(1, 10);
      // the top p% are the first ceil(p × 6 / 100) customers: at 16% only L (18 × 50 = 900 of
      // 900 + 240 + 120 + 75 + 30 + 20 = 1,385); at 17% L and A (900 + 240)
      const share = async (p: number) => (await rows(conn, `SELECT revenue_share AS r FROM value_concentration WHERE run_id = ${b} AND customer_share = ${p}`))[0]!['r'];
      expect(await share(0.16)).toBeCloseTo(900 / 1385, 10);
      expect(await share(0.17)).toBeCloseTo(1140 / 1385, 10);
    });
  });
});
