import type { DuckDBConnection } from '@duckdb/node-api';
import { runQuery, type QueryResult } from '../query/runQuery.js';

export interface ListRunsOptions {
  pipeline?: string;
  limit: number;
  /**
   * 'short': a terminal line under 100 columns (the error whole, for the caller to place);
   * 'details': adds rows loaded and the step timings as one string (long errors cut);
   * 'all': every column, steps as JSON (csv, json). Default 'all'.
   */
  view?: 'short' | 'details' | 'all';
}

const VIEWS = {
  short: `run_id, pipeline, as_of::VARCHAR AS as_of, trigger, status, strftime(started_at, '%m-%d %H:%M') AS started,
       round(epoch(finished_at - started_at), 1) AS seconds, customers, error`,
  details: `run_id, pipeline, as_of::VARCHAR AS as_of, trigger, status, strftime(started_at, '%Y-%m-%d %H:%M:%S') AS started_at,
       round(epoch(finished_at - started_at), 1) AS seconds, customers,
       (steps->>'$.load.loaded')::BIGINT AS loaded,
       (SELECT string_agg(k || ' ' || (steps->>('$."' || k || '".ms')), ', ' ORDER BY i)
          FROM (SELECT unnest(json_keys(steps)) AS k, generate_subscripts(json_keys(steps), 1) AS i)) AS step_ms,
       delivery, CASE WHEN length(error) > 80 THEN left(error, 77) || '...' ELSE error END AS error`,
  all: `run_id, pipeline, as_of::VARCHAR AS as_of, trigger, status, started_at::VARCHAR AS started_at,
       finished_at::VARCHAR AS finished_at, customers, rules_name, steps, delivery, error`,
};

/**
 * The latest runs, newest first: pipeline, as-of, trigger, status, times, per-step timings and
 * row counts, error.
 *
 * @example formatResult(await listRuns(conn, { limit: 20, view: 'details' }), 'table')
 */
export async function listRuns(conn: DuckDBConnection, opts: ListRunsOptions): Promise<QueryResult> {
  const columns = VIEWS[opts.view ?? 'all'];
  return runQuery(
    conn,
    `SELECT ${columns} FROM runs WHERE ($pipeline IS NULL OR pipeline = $pipeline) ORDER BY run_id DESC LIMIT $limit`,
    { pipeline: opts.pipeline ?? null, limit: opts.limit },
  );
}
