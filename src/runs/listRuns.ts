import type { DuckDBConnection } from '@duckdb/node-api';
import { runQuery, type QueryResult } from '../query/runQuery.js';

export interface ListRunsOptions {
  pipeline?: string;
  limit: number;
  /** compact columns for a terminal table (timings as one string, long errors cut) */
  compact: boolean;
}

/**
 * The latest runs, newest first: pipeline, as-of, trigger, status, times, per-step timings and
 * row counts, error.
 *
 * @example formatResult(await listRuns(conn, { limit: 20, compact: true }), 'table')
 */
export async function listRuns(conn: DuckDBConnection, opts: ListRunsOptions): Promise<QueryResult> {
  const columns = opts.compact
    ? `run_id, pipeline, as_of::VARCHAR AS as_of, trigger, status, strftime(started_at, '%Y-%m-%d %H:%M:%S') AS started_at,
       round(epoch(finished_at - started_at), 1) AS seconds, customers,
       (steps->>'$.load.loaded')::BIGINT AS loaded,
       (SELECT string_agg(k || ' ' || (steps->>('$."' || k || '".ms')), ', ' ORDER BY i)
          FROM (SELECT unnest(json_keys(steps)) AS k, generate_subscripts(json_keys(steps), 1) AS i)) AS step_ms,
       CASE WHEN length(error) > 80 THEN left(error, 77) || '...' ELSE error END AS error`
    : `run_id, pipeline, as_of::VARCHAR AS as_of, trigger, status, started_at::VARCHAR AS started_at,
       finished_at::VARCHAR AS finished_at, customers, rules_name, steps, error`;
  return runQuery(
    conn,
    `SELECT ${columns} FROM runs WHERE ($pipeline IS NULL OR pipeline = $pipeline) ORDER BY run_id DESC LIMIT $limit`,
    { pipeline: opts.pipeline ?? null, limit: opts.limit },
  );
}
