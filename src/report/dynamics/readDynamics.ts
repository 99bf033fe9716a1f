import type { DuckDBConnection } from '@duckdb/node-api';
import { cellNumber as n, cellNumberOrNull as orNull, cellString as s, selectRows, type Row } from '../../query/selectRows.js';
import type { DynamicsReport } from './types.js';


const select = (conn: DuckDBConnection, sql: string, run: number): Promise<Row[]> => selectRows(conn, sql, { run });


/** Cohorts shown: the last two years keep the triangle readable and the file small. */
export const MAX_COHORTS = 24;
/** High-value customers listed by name. */
export const TOP_CUSTOMERS = 20;

/**
 * Read a run's dynamics tables for the report.
 *
 * @example const dyn = await readDynamics(conn, runId);
 */
export async function readDynamics(conn: DuckDBConnection, run: number): Promise<DynamicsReport> {
  const prev = await select(conn, `SELECT p.as_of::VARCHAR AS as_of FROM runs r JOIN runs p ON p.run_id = r.previous_run_id WHERE r.run_id = $run`, run);
  const moves = (table: string, from: string, to: string, clv: string) =>
    select(conn, `SELECT ${from} AS f, ${to} AS t, customers, ${clv} AS clv FROM ${table} WHERE run_id = $run ORDER BY customers DESC`, run);
  const counts = (col: string) =>
    select(conn, `SELECT ${col} AS name, count(*) AS customers, count(*) / sum(count(*)) OVER () AS share, sum(monetary) AS revenue
      FROM customer_scores WHERE run_id = $run AND ${col} IS NOT NULL GROUP BY 1 ORDER BY customers DESC`, run);
  const toMoves = (rows: Row[]) => rows.map((r) => ({ from: s(r['f']), to: s(r['t']), customers: n(r['customers']), clv: orNull(r['clv']) }));
  const toCounts = (rows: Row[]) => rows.map((r) => ({ name: s(r['name']), customers: n(r['customers']), share: n(r['share']), revenue: n(r['revenue']) }));
  const cfg = await select(conn, `SELECT config::VARCHAR AS c FROM run_config WHERE run_id = $run AND section = 'dynamics'`, run);
  return {
    previousAsOf: prev[0] ? s(prev[0]['as_of']) : null,
    segmentMoves: toMoves(await moves('segment_moves', 'from_segment', 'to_segment', 'clv')),
    stateMoves: toMoves(await moves('state_moves', 'from_state', 'to_state', 'NULL')),
    states: toCounts(await counts('state')),
    stages: toCounts(await counts('lifecycle_stage')),
    cohorts: (await select(conn, `SELECT strftime(cohort_month, '%Y-%m') AS cohort, months_since, customers, active, share, revenue
      FROM cohort_retention WHERE run_id = $run AND cohort_month >= (SELECT max(cohort_month) FROM cohort_retention WHERE run_id = $run) - INTERVAL ${MAX_COHORTS - 1} MONTH
      ORDER BY cohort_month, months_since`, run)).map((r) => ({
      cohort: s(r['cohort']), monthsSince: n(r['months_since']), customers: n(r['customers']), active: n(r['active']), share: n(r['share']), revenue: n(r['revenue']),
    })),
    pareto: (await select(conn, `SELECT customer_share, revenue_share, clv_share FROM value_concentration WHERE run_id = $run ORDER BY customer_share`, run)).map((r) => ({
      customerShare: n(r['customer_share']), revenueShare: orNull(r['revenue_share']), clvShare: orNull(r['clv_share']),
    })),
    topCustomers: (await select(conn, `SELECT customer_id, segment, state, monetary, clv_12m, recency_days, frequency FROM customer_scores
      WHERE run_id = $run AND house_account IS NOT TRUE ORDER BY coalesce(clv_12m, monetary) DESC, customer_id LIMIT ${TOP_CUSTOMERS}`, run)).map((r) => ({
      customerId: s(r['customer_id']), segment: s(r['segment']), state: s(r['state']), monetary: n(r['monetary']), clv: orNull(r['clv_12m']),
      recencyDays: n(r['recency_days']), frequency: n(r['frequency']),
    })),
    config: cfg[0] ? (JSON.parse(s(cfg[0]['c'])) as Record<string, number>) : {},
  };
}
