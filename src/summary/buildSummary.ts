import type { DuckDBConnection } from '@duckdb/node-api';
import { pipelineSql } from '../util/paths.js';

/**
 * Materialise queries/pipeline/customer_summary.sql for one as-of date into the temp table
 * `customer_summary` (one row per customer, `idx` = 0..n-1 in customer_id order) and return n.
 * `currency` keeps the transactions of one currency (an ISO code, or null for those of unknown
 * currency); the default '*' reads every transaction.
 */
export async function buildSummary(conn: DuckDBConnection, asOf: string, currency: string | null = '*'): Promise<number> {
  await conn.run(`CREATE OR REPLACE TEMP TABLE customer_summary AS ${pipelineSql('customer_summary')}`, { as_of: asOf, currency });
  const r = await conn.runAndReadAll('SELECT count(*) FROM customer_summary');
  return Number(r.getRows()[0]![0]);
}
