import type { DuckDBConnection } from '@duckdb/node-api';
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runQuery, type Cell } from '../query/runQuery.js';
import { toCsvDocument } from './csv.js';
import { HIGH_VALUE_TIERS } from './models/highValue.js';

/** Which list a CSV holds; the report links each with its own label. */
export type ActionListKind = 'atRisk' | 'winBack' | 'segments';

/** One CSV written beside the report. */
export interface ActionList {
  kind: ActionListKind;
  /** file name, relative to the report */
  file: string;
  rows: number;
}

/**
 * Rows in the two call lists: a campaign works the top of the list, and a cap keeps the files
 * small at any customer count. Segment membership is complete: it is the lookup table.
 */
export const ACTION_LIST_LIMIT = 1000;

const tiers = HIGH_VALUE_TIERS.map((t) => `'${t}'`).join(', ');

const QUERIES: Record<ActionListKind, { file: string; sql: string }> = {
  atRisk: {
    file: 'at-risk-high-value.csv',
    sql: `SELECT customer_id, segment, state, value_tier, round(churn_risk, 4) AS churn_risk, round(clv_12m, 2) AS clv_12m,
        round(historic_value, 2) AS historic_value, last_order::DATE::VARCHAR AS last_order, recency_days, frequency AS orders, churn_reason
      FROM customer_scores WHERE run_id = $run AND churn_band = 'high' AND value_tier IN (${tiers})
      ORDER BY clv_12m DESC NULLS LAST, customer_id LIMIT ${ACTION_LIST_LIMIT}`,
  },
  winBack: {
    file: 'win-back.csv',
    sql: `SELECT customer_id, state, segment, round(historic_value, 2) AS historic_value, round(monetary, 2) AS net_spend, frequency AS orders,
        last_order::DATE::VARCHAR AS last_order, recency_days, round(clv_12m, 2) AS clv_12m, round(churn_risk, 4) AS churn_risk,
        coalesce(churn_reason, 'last order ' || recency_days || ' days ago; ' || frequency || ' orders') AS reason
      FROM customer_scores WHERE run_id = $run AND state IN ('lost', 'at_risk')
      ORDER BY coalesce(historic_value, monetary) DESC, customer_id LIMIT ${ACTION_LIST_LIMIT}`,
  },
  segments: {
    file: 'segments.csv',
    sql: `SELECT customer_id, segment, state, lifecycle_stage, cluster, round(clv_12m, 2) AS clv_12m
      FROM customer_scores WHERE run_id = $run ORDER BY customer_id`,
  },
};

/** Query cells as CSV cells (runQuery already gives numbers and ISO text; nothing nested is selected). */
function cell(v: Cell | undefined): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  return JSON.stringify(v);
}

/**
 * Write the run's action lists into `dir` (the report's folder): high-value customers at high
 * churn risk, the win-back list (lost or at-risk customers with the most value to date) and
 * segment membership. Quoted and formula-safe (csv.ts); each file is written beside its final
 * name and renamed, like the report.
 *
 * @example const lists = await writeActionLists(conn, runId, 'reports/2024-12-29');
 */
export async function writeActionLists(conn: DuckDBConnection, runId: number, dir: string): Promise<ActionList[]> {
  const out: ActionList[] = [];
  for (const kind of Object.keys(QUERIES) as ActionListKind[]) {
    const { file, sql } = QUERIES[kind];
    const { columns, rows } = await runQuery(conn, sql, { run: runId });
    const path = join(dir, file);
    writeFileSync(path + '.tmp', toCsvDocument(columns, rows.map((r) => r.map(cell))));
    renameSync(path + '.tmp', path);
    out.push({ kind, file, rows: rows.length });
  }
  return out;
}
