import { literal } from '../util/sql.js';
import { isUtc } from './parseTimeZone.js';

/**
 * SQL: the UTC wall time (TIMESTAMP) of a TIMESTAMPTZ instant. Explicit, because a plain cast to
 * TIMESTAMP uses the session's TimeZone, which DuckDB takes from the machine: the same file would
 * store different values on machines in different zones.
 *
 * @example utcOfInstantSql("strptime(t, '%Y-%m-%d %H:%M:%S %z')") // "timezone('UTC', strptime(…))"
 */
export const utcOfInstantSql = (tstz: string): string => `timezone('UTC', ${tstz})`;

/**
 * SQL: the UTC wall time of a naive TIMESTAMP that is a wall-clock time in `zone`; unchanged
 * for UTC, so loads without a declared zone cost nothing more. DuckDB's ICU reads a time the
 * clock skipped (02:30 on a spring-forward night) with the offset before the change, and a time
 * the clock repeated (01:30 on a fall-back night) as its second, standard-time occurrence.
 *
 * @example utcOfWallSql('ts', 'America/New_York') // "timezone('UTC', timezone('America/New_York', ts))"
 */
export const utcOfWallSql = (ts: string, zone: string): string => (isUtc(zone) ? ts : `timezone('UTC', timezone(${literal(zone)}, ${ts}))`);
