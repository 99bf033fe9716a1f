import type { DuckDBConnection } from '@duckdb/node-api';
import { addDays } from '../util/dates.js';
import { inputError } from '../util/error.js';

/** The data's date range (YYYY-MM-DD), or null when no transactions are loaded. */
export async function dataRange(conn: DuckDBConnection): Promise<{ first: string; last: string } | null> {
  const r = await conn.runAndReadAll(
    `SELECT min(order_date)::DATE::VARCHAR, max(order_date)::DATE::VARCHAR FROM transactions`,
  );
  const [first, last] = r.getRows()[0]!;
  return first === null ? null : { first: String(first), last: String(last) };
}

/** How far past the latest order an as-of date may lie before it is refused: a week of no data can be a quiet week. */
export const FUTURE_AS_OF_DAYS = 7;

export interface AsOfCheck {
  /** what picked the date, for messages, e.g. "picked by the as-of rule … of pipelines/x.json" (default: the --as-of flag) */
  source?: string;
  /**
   * refuse a date more than this many days after the latest order (the command line and
   * pipelines pass FUTURE_AS_OF_DAYS unless --allow-future-as-of); default: no limit
   */
  maxDaysAhead?: number;
}

/**
 * The as-of date to analyze: the one asked for, else the latest order date. A date before the
 * first order is refused, and so is one more than `maxDaysAhead` after the latest order:
 * with no data after the latest order, such a report counts every customer as lapsing and
 * revenue as down 100%, which is the data ending, not the business.
 *
 * @example await resolveAsOf(conn, '2030-01-01', { maxDaysAhead: FUTURE_AS_OF_DAYS }) // throws: "… 1,827 days after the latest order (2024-12-31) …"
 */
export async function resolveAsOf(conn: DuckDBConnection, asked?: string, check: AsOfCheck = {}): Promise<string> {
  const range = await dataRange(conn);
  if (!range) throw inputError('no transactions loaded yet: run `crm load FILE --mapping MAPPING` first');
  const what = check.source === undefined ? `--as-of ${asked}` : `as-of ${asked} (${check.source})`;
  if (asked && asked < range.first) {
    throw inputError(`${what} is before the first order (${range.first}): no customer exists yet`);
  }
  const ahead = asked ? daysBetween(range.last, asked) : 0;
  if (check.maxDaysAhead !== undefined && ahead > check.maxDaysAhead) {
    throw inputError(
      `${what} is ${ahead} days after the latest order date (${range.last}): the data end there, so the report ` +
        `would show every customer lapsing and revenue falling to nothing. Load newer exports, use a date up to ` +
        `${addDays(range.last, check.maxDaysAhead)}, or pass --allow-future-as-of to analyze ${asked} anyway`,
    );
  }
  return asked ?? range.last;
}

const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z')) / 86_400_000);
