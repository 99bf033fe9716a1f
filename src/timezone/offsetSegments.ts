import type { DuckDBConnection } from '@duckdb/node-api';
import { literal } from '../util/sql.js';
import type { OffsetSegments } from './localTimeSql.js';

/**
 * The offsets of `zone` over the span of `column` in `relation` (UTC TIMESTAMPs), as DuckDB's ICU
 * computes them: offsets on an hourly grid find the hours a transition falls in, then each such
 * hour is searched second by second for the exact instant. Transitions less than an hour apart do
 * not occur in the tz database's modern rules. ~0.1 s for ten years of a zone with daylight saving.
 *
 * @example await offsetSegments(conn, 'America/New_York', 'main.transactions', 'order_date') // { offset: -18000, transitions: [{ at: '2024-03-10 07:00:00', offset: -14400 }, …] }
 */
export async function offsetSegments(conn: DuckDBConnection, zone: string, relation: string, column: string): Promise<OffsetSegments> {
  const off = (t: string): string => `epoch(timezone(${literal(zone)}, timezone('UTC', ${t})) - ${t})::BIGINT`;
  const r = await conn.runAndReadAll(`
    WITH span AS (SELECT coalesce(min(${column}), current_timestamp::TIMESTAMP) AS lo, coalesce(max(${column}), current_timestamp::TIMESTAMP) AS hi FROM ${relation}),
    hours AS (
      SELECT h, ${off('h')} AS off FROM span, generate_series(date_trunc('hour', span.lo), span.hi + INTERVAL 1 HOUR, INTERVAL 1 HOUR) g(h)
    ),
    changed AS (SELECT h, off FROM (SELECT h, off, lag(off) OVER (ORDER BY h) AS before FROM hours) WHERE off <> before),
    exact AS (
      SELECT min(s) AS from_utc, any_value(changed.off) AS off
      FROM changed, LATERAL (SELECT changed.h - to_seconds(3600 - i) AS s FROM range(3601) r(i)) x
      WHERE ${off('s')} = changed.off
      GROUP BY changed.h
    )
    SELECT from_utc, off FROM (SELECT NULL::TIMESTAMP AS from_utc, ${off('lo')} AS off FROM span UNION ALL SELECT from_utc, off FROM exact)
    ORDER BY from_utc NULLS FIRST`);
  const [first, ...rest] = r.getRows();
  return { offset: Number(first![1]), transitions: rest.map(([at, o]) => ({ at: String(at).replace('T', ' '), offset: Number(o) })) };
}
