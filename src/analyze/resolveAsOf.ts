import type { DuckDBConnection } from '@duckdb/node-api';
import { inputError } from '../util/error.js';

/** The data's date range (YYYY-MM-DD), or null when no transactions are loaded. */
export async function dataRange(conn: DuckDBConnection): Promise<{ first: string; last: string } | null> {
  const r = await conn.runAndReadAll(
    `SELECT min(order_date)::DATE::VARCHAR, max(order_date)::DATE::VARCHAR FROM transactions`,
  );
  const [first, last] = r.getRows()[0]!;
  return first === null ? null : { first: String(first), last: String(last) };
}

/** The as-of date to analyze: the one asked for, else the latest order date. */
export async function resolveAsOf(conn: DuckDBConnection, asked?: string): Promise<string> {
  const range = await dataRange(conn);
  if (!range) throw inputError('no transactions loaded yet: run `crm load FILE --mapping MAPPING` first');
  if (asked && asked < range.first) {
    throw inputError(`--as-of ${asked} is before the first order (${range.first}): no customer exists yet`);
  }
  return asked ?? range.last;
}
