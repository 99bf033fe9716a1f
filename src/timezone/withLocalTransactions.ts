import type { DuckDBConnection } from '@duckdb/node-api';
import { ident } from '../util/sql.js';
import { localTimeSql } from './localTimeSql.js';
import { offsetSegments } from './offsetSegments.js';
import { isUtc } from './parseTimeZone.js';

/** The zone a connection's `transactions` are shadowed in, while `fn` runs. */
const shadowed = new WeakMap<DuckDBConnection, { zone: string }>();

/**
 * Run `fn` with `transactions` read in the wall time of `zone`: a temp view of that name shadows
 * the stored table (DuckDB looks in temp first), with order_date as the zone's local time and
 * every other column as stored. So every analysis query — `order_date::DATE`, "up to the as-of
 * day", weeks and months — counts days as the business does, without a line of it changing.
 * The view adds `order_date_utc`, the stored value: a filter on the local time cannot skip row
 * groups by their min/max (it is an expression), one on order_date_utc can, so a query over a
 * recent window bounds order_date_utc a day wider than the local window (no zone is a day off
 * UTC) and reads only those row groups. For UTC the view only adds that name (order_date_utc =
 * order_date): filters reach the table as before and it costs nothing. The view is dropped when
 * `fn` ends; nested calls with the same zone share it. Nothing may write `transactions` inside
 * (the view refuses it, which is the point).
 *
 * @example await withLocalTransactions(conn, 'America/New_York', () => buildSummary(conn, '2024-03-10'))
 */
export async function withLocalTransactions<T>(conn: DuckDBConnection, zone: string, fn: () => Promise<T>): Promise<T> {
  const held = shadowed.get(conn);
  if (held) {
    if (held.zone !== zone) throw new Error(`transactions are already read in ${held.zone}, not ${zone}`);
    return fn();
  }
  const table = `${ident(await currentDatabase(conn))}.main.transactions`;
  const local = isUtc(zone) ? '' : ` REPLACE (${localTimeSql('order_date', await offsetSegments(conn, zone, table, 'order_date'))} AS order_date)`;
  await conn.run(`CREATE OR REPLACE TEMP VIEW transactions AS SELECT *${local}, order_date AS order_date_utc FROM ${table}`);
  shadowed.set(conn, { zone });
  try {
    return await fn();
  } finally {
    shadowed.delete(conn);
    await conn.run('DROP VIEW IF EXISTS temp.main.transactions');
  }
}

async function currentDatabase(conn: DuckDBConnection): Promise<string> {
  return String((await conn.runAndReadAll('SELECT current_database()')).getRows()[0]![0]);
}
