import type { DuckDBConnection } from '@duckdb/node-api';
import { readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { parseQueryFile } from '../query/named/parseQueryFile.js';
import { queryPath } from '../util/paths.js';
import { ident, literal } from '../util/sql.js';
import { csvCell } from './csv.js';
import { csvNumberSql, csvTextSql } from './csvSql.js';

/** Which list a CSV holds; the report links each with its own label. */
export type ActionListKind = 'worthSaving' | 'winBack' | 'segments';

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

/** A CSV column: its header, the SQL over customer_scores, and whether it is written as text or a number. */
type Column = [name: string, sql: string, kind: 'text' | 'number'];

/** A list that is a named query (queries/<name>.sql): the CSV holds exactly its rows, in its order (its `rank` column). */
interface QuerySpec {
  file: string;
  query: string;
  /** the query's columns, in its order, each written as text or a number */
  columns: [name: string, kind: 'text' | 'number'][];
}

interface ListSpec {
  file: string;
  columns: Column[];
  /** WHERE conditions besides the run */
  where: string;
  /** sort keys, most significant first: [SQL, direction]; the last one must make the order total */
  order: [sql: string, dir: string][];
  limit?: number;
  /** A LEFT JOIN onto customer_scores (aliased s) and the joined columns it adds, named. */
  join?: { sql: string; columns: string };
}

/**
 * The worth-saving list is the named query `worth-saving` (crm query worth-saving), so the CSV and
 * the query can never be two lists under one name.
 */
const WORTH_SAVING: QuerySpec = {
  file: 'worth-saving.csv',
  query: 'worth-saving.sql',
  columns: [
    ['rank', 'number'], ['customer_id', 'text'], ['segment', 'text'], ['state', 'text'], ['value_tier', 'text'], ['churn_risk', 'number'],
    ['value_if_kept_12m', 'number'], ['clv_12m', 'number'], ['historic_value', 'number'], ['last_order', 'text'], ['recency_days', 'number'],
    ['orders', 'number'], ['churn_reason', 'text'], ['next_best_offer', 'text'], ['offer_reason', 'text'],
  ],
};

const LISTS: Record<ActionListKind, ListSpec | QuerySpec> = {
  worthSaving: WORTH_SAVING,
  winBack: {
    file: 'win-back.csv',
    columns: [
      ['customer_id', 'customer_id', 'text'], ['state', 'state', 'text'], ['segment', 'segment', 'text'],
      ['historic_value', 'round(historic_value, 2)', 'number'], ['net_spend', 'round(monetary, 2)', 'number'], ['orders', 'frequency', 'number'],
      ['last_order', 'last_order::DATE::VARCHAR', 'text'], ['recency_days', 'recency_days', 'number'], ['clv_12m', 'round(clv_12m, 2)', 'number'],
      ['churn_risk', 'round(churn_risk, 4)', 'number'],
      ['reason', `coalesce(churn_reason, 'last order ' || recency_days || ' days ago; ' || frequency || ' orders')`, 'text'],
      ['next_best_offer', 'next_best_offer', 'text'], ['offer_reason', 'offer_reason', 'text'],
    ],
    // house accounts are not customers to win back (README "House accounts")
    where: `state IN ('lapsed', 'lapsing') AND house_account IS NOT TRUE`,
    order: [['coalesce(historic_value, monetary)', 'DESC'], ['customer_id', 'ASC']],
    limit: ACTION_LIST_LIMIT,
    // the run's next-best offer (docs/products.md)
    join: {
      // renamed: an unqualified customer_id in the list's SQL must stay unambiguous
      sql: `LEFT JOIN (SELECT run_id AS offer_run, customer_id AS offer_customer, offer_name, reason FROM product_offers) po
        ON po.offer_run = s.run_id AND po.offer_customer = s.customer_id`,
      columns: 'po.offer_name AS next_best_offer, po.reason AS offer_reason',
    },
  },
  segments: {
    file: 'segments.csv',
    columns: [
      ['customer_id', 'customer_id', 'text'], ['segment', 'segment', 'text'], ['state', 'state', 'text'], ['lifecycle_stage', 'lifecycle_stage', 'text'],
      ['cluster', 'cluster', 'number'], ['cluster_name', 'cluster_name', 'text'], ['cluster_action', 'cluster_action', 'text'],
      ['cluster_set_aside', 'cluster_set_aside', 'text'], ['clv_12m', 'round(clv_12m, 2)', 'number'],
    ],
    where: 'true',
    order: [['customer_id', 'ASC']],
    // the cluster's stored (English) name and suggested action code, beside its id
    join: {
      sql: 'LEFT JOIN cluster_profiles p ON p.run_id = s.run_id AND p.cluster = s.cluster',
      columns: 'p.name AS cluster_name, p.action AS cluster_action',
    },
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
      SELECT s.*, ${spec.join ? `${spec.join.columns}, ` : ''}${keys} FROM customer_scores s ${spec.join?.sql ?? ''}
      WHERE s.run_id = ${Number(runId)} AND (${spec.where})
      ${spec.limit === undefined ? '' : `ORDER BY ${order} LIMIT ${spec.limit}`}))
    ORDER BY ${order}
  ) TO ${literal(path)} (FORMAT csv, HEADER true, QUOTE '', ESCAPE '')`;
}

/**
 * The COPY statement writing a named query's rows, formatted as copySql does, in the query's rank
 * order; the query's own $run and $limit are bound by the caller.
 */
function copyQuerySql(spec: QuerySpec, path: string): string {
  const sql = namedQuerySql(spec.query);
  const header = spec.columns.map(([name]) => csvCell(name)).join(',') + '\r';
  const line = spec.columns.map(([name, kind]) => (kind === 'text' ? csvTextSql(`q.${ident(name)}`) : csvNumberSql(`q.${ident(name)}`))).join(` || ',' || `);
  return `COPY (SELECT ${line} || chr(13) AS ${ident(header)} FROM (${sql}) q ORDER BY q.rank) TO ${literal(path)} (FORMAT csv, HEADER true, QUOTE '', ESCAPE '')`;
}

/**
 * The SQL of the worth-saving list (queries/worth-saving.sql) with its parameters: the report's
 * churn section reads its first rows with the same statement.
 *
 * @example const { sql } = worthSavingQuery(); await conn.runAndReadAll(sql, { run: 7, limit: 20 });
 */
export function worthSavingQuery(): { sql: string } {
  return { sql: namedQuerySql(WORTH_SAVING.query) };
}

/** The statement of a named query file of the package (its header checked as `crm query` does). */
const namedQuerySql = (file: string): string => parseQueryFile(readFileSync(queryPath(file), 'utf8'), queryPath(file)).sql;

/**
 * Write the run's action lists into `dir` (the report's folder): the worth-saving list (high
 * churn band and a high value tier: the named query worth-saving), the win-back list (customers
 * in the states lapsed or lapsing with the most value to date) and
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
    const result = 'query' in spec
      ? await conn.runAndReadAll(copyQuerySql(spec, path + '.tmp'), { run: runId, limit: ACTION_LIST_LIMIT })
      : await conn.runAndReadAll(copySql(spec, runId, path + '.tmp'));
    renameSync(path + '.tmp', path);
    out.push({ kind, file: spec.file, rows: Number(result.getRows()[0]![0]) }); // data lines (the header is the column name)
  }
  return out;
}
