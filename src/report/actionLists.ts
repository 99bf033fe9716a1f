import type { DuckDBConnection } from '@duckdb/node-api';
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { ident, literal } from '../util/sql.js';
import { csvCell } from './csv.js';
import { csvNumberSql, csvTextSql } from './csvSql.js';
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

/** A CSV column: its header, the SQL over customer_scores, and whether it is written as text or a number. */
type Column = [name: string, sql: string, kind: 'text' | 'number'];

interface ListSpec {
  file: string;
  columns: Column[];
  /** WHERE conditions besides the run */
  where: string;
  /** sort keys, most significant first: [SQL, direction]; the last one must make the order total */
  order: [sql: string, dir: string][];
  limit?: number;
}

const LISTS: Record<ActionListKind, ListSpec> = {
  atRisk: {
    file: 'at-risk-high-value.csv',
    columns: [
      ['customer_id', 'customer_id', 'text'], ['segment', 'segment', 'text'], ['state', 'state', 'text'], ['value_tier', 'value_tier', 'text'],
      ['churn_risk', 'round(churn_risk, 4)', 'number'], ['clv_12m', 'round(clv_12m, 2)', 'number'], ['historic_value', 'round(historic_value, 2)', 'number'],
      ['last_order', 'last_order::DATE::VARCHAR', 'text'], ['recency_days', 'recency_days', 'number'], ['orders', 'frequency', 'number'],
      ['churn_reason', 'churn_reason', 'text'],
    ],
    where: `churn_band = 'high' AND value_tier IN (${tiers})`,
    // the rounded value, as the SELECT alias clv_12m sorted before (ties then go by customer_id)
    order: [['round(clv_12m, 2)', 'DESC NULLS LAST'], ['customer_id', 'ASC']],
    limit: ACTION_LIST_LIMIT,
  },
  winBack: {
    file: 'win-back.csv',
    columns: [
      ['customer_id', 'customer_id', 'text'], ['state', 'state', 'text'], ['segment', 'segment', 'text'],
      ['historic_value', 'round(historic_value, 2)', 'number'], ['net_spend', 'round(monetary, 2)', 'number'], ['orders', 'frequency', 'number'],
      ['last_order', 'last_order::DATE::VARCHAR', 'text'], ['recency_days', 'recency_days', 'number'], ['clv_12m', 'round(clv_12m, 2)', 'number'],
      ['churn_risk', 'round(churn_risk, 4)', 'number'],
      ['reason', `coalesce(churn_reason, 'last order ' || recency_days || ' days ago; ' || frequency || ' orders')`, 'text'],
    ],
    where: `state IN ('lost', 'at_risk')`,
    order: [['coalesce(historic_value, monetary)', 'DESC'], ['customer_id', 'ASC']],
    limit: ACTION_LIST_LIMIT,
  },
  segments: {
    file: 'segments.csv',
    columns: [
      ['customer_id', 'customer_id', 'text'], ['segment', 'segment', 'text'], ['state', 'state', 'text'], ['lifecycle_stage', 'lifecycle_stage', 'text'],
      ['cluster', 'cluster', 'number'], ['clv_12m', 'round(clv_12m, 2)', 'number'],
    ],
    where: 'true',
    order: [['customer_id', 'ASC']],
  },
};

/**
 * The COPY statement writing one list: a header line, then one pre-formatted line per customer
 * (cells as csvCell writes them, see csvSql.ts), in the list's order. The rows are picked first (a
 * call list capped), then their cell values computed as columns c0, c1, …, then the lines
 * formatted from those columns. Lines end in CR here and LF from COPY, i.e. CRLF as spreadsheets
 * expect; COPY's own quoting is off because every cell is already quoted.
 */
function copySql(spec: ListSpec, runId: number, path: string): string {
  const header = spec.columns.map(([name]) => csvCell(name)).join(',') + '\r';
  const values = spec.columns.map(([, sql], i) => `${sql} AS c${i}`).join(', ');
  const line = spec.columns.map(([, , kind], i) => (kind === 'text' ? csvTextSql(`c${i}`) : csvNumberSql(`c${i}`))).join(` || ',' || `);
  const keys = spec.order.map(([sql], i) => `${sql} AS k${i}`).join(', ');
  const keyNames = spec.order.map((_, i) => `k${i}`).join(', ');
  const order = spec.order.map(([, dir], i) => `k${i} ${dir}`).join(', ');
  // The header line is the one column's name (COPY writes it unquoted): a UNION ALL of a header
  // row sorted before the data ran out of memory at ten million customers under a 1 GB cap.
  return `COPY (
    SELECT ${line} || chr(13) AS ${ident(header)}
    FROM (SELECT ${values}, ${keyNames} FROM (
      SELECT *, ${keys} FROM customer_scores WHERE run_id = ${Number(runId)} AND (${spec.where})
      ${spec.limit === undefined ? '' : `ORDER BY ${order} LIMIT ${spec.limit}`}))
    ORDER BY ${order}
  ) TO ${literal(path)} (FORMAT csv, HEADER true, QUOTE '', ESCAPE '')`;
}

/**
 * Write the run's action lists into `dir` (the report's folder): high-value customers at high
 * churn risk, the win-back list (lost or at-risk customers with the most value to date) and
 * segment membership. DuckDB writes each file itself (a million customers never pass through JS),
 * quoted and formula-safe exactly as csv.ts; each file is written beside its final name and
 * renamed, like the report.
 *
 * @example const lists = await writeActionLists(conn, runId, 'reports/2024-12-29');
 */
export async function writeActionLists(conn: DuckDBConnection, runId: number, dir: string): Promise<ActionList[]> {
  const out: ActionList[] = [];
  for (const kind of Object.keys(LISTS) as ActionListKind[]) {
    const spec = LISTS[kind];
    const path = join(dir, spec.file);
    const result = await conn.runAndReadAll(copySql(spec, runId, path + '.tmp'));
    renameSync(path + '.tmp', path);
    out.push({ kind, file: spec.file, rows: Number(result.getRows()[0]![0]) }); // data lines (the header is the column name)
  }
  return out;
}
