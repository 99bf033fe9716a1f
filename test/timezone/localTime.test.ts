import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTimeSql } from '../../src/timezone/localTimeSql.js';
import { offsetSegments } from '../../src/timezone/offsetSegments.js';
import { withLocalTransactions } from '../../src/timezone/withLocalTransactions.js';

let conn: DuckDBConnection;
const rows = async (sql: string) => (await conn.runAndReadAll(sql)).getRowsJson();

beforeAll(async () => {
  conn = await (await DuckDBInstance.create(':memory:')).connect();
  // every 7 minutes and 13 seconds over 2019–2024: every transition of those years, off the hour too
  await conn.run(`CREATE TABLE transactions AS SELECT TIMESTAMP '2019-01-01' + to_seconds(i * 433) AS order_date, i AS n FROM range(440000) r(i)`);
});
afterAll(() => conn.closeSync());

describe('local wall time of stored UTC order dates', () => {
  it('builds a tree of offsets that reads a value like one transition', () => {
    expect(localTimeSql('t', { offset: -18000, transitions: [{ at: '2024-03-10 07:00:00', offset: -14400 }] })).toBe(
      "(t + to_seconds(CASE WHEN t < TIMESTAMP '2024-03-10 07:00:00' THEN -18000 ELSE -14400 END))",
    );
    expect(localTimeSql('t', { offset: 19800, transitions: [] })).toBe('(t + to_seconds(19800))');
  });

  it('finds the exact instants of New York’s transitions', async () => {
    const s = await offsetSegments(conn, 'America/New_York', 'transactions', 'order_date');
    expect(s.offset).toBe(-18000);
    expect(s.transitions.slice(0, 2)).toEqual([
      { at: '2019-03-10 07:00:00', offset: -14400 },
      { at: '2019-11-03 06:00:00', offset: -18000 },
    ]);
    expect(s.transitions).toHaveLength(12); // 2019–2024: two a year
  });

  // half-hour DST (Lord Howe), a 45-minute offset, midnight changes (Santiago), no DST (Kolkata)
  for (const zone of ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/Santiago', 'Asia/Kolkata']) {
    it(`agrees with DuckDB's ICU conversion on every value in ${zone}`, async () => {
      const differ = await withLocalTransactions(conn, zone, () =>
        rows(`SELECT count(*) FROM transactions l JOIN memory.main.transactions u USING (n)
              WHERE l.order_date IS DISTINCT FROM timezone('${zone}', timezone('UTC', u.order_date))`),
      );
      expect(differ).toEqual([['0']]);
    });
  }

  it('reads the stored table again once done, and keeps the stored value as order_date_utc', async () => {
    const first = `SELECT order_date::VARCHAR FROM transactions WHERE n = 0`;
    expect(await withLocalTransactions(conn, 'Asia/Tokyo', () => rows(first))).toEqual([['2019-01-01 09:00:00']]);
    expect(await rows(first)).toEqual([['2019-01-01 00:00:00']]);
    // UTC: the stored values, with order_date_utc beside them
    expect(await withLocalTransactions(conn, 'UTC', () => rows(`SELECT order_date::VARCHAR, order_date_utc::VARCHAR FROM transactions WHERE n = 0`)))
      .toEqual([['2019-01-01 00:00:00', '2019-01-01 00:00:00']]);
    expect(await withLocalTransactions(conn, 'Asia/Tokyo', () => rows(`SELECT order_date_utc::VARCHAR FROM transactions WHERE n = 0`))).toEqual([['2019-01-01 00:00:00']]);
    expect(await rows(`SELECT count(*) FROM duckdb_views() WHERE view_name = 'transactions'`)).toEqual([['0']]);
  });

  it('shares the view with nested calls in the same zone and refuses another zone', async () => {
    await withLocalTransactions(conn, 'Asia/Tokyo', async () => {
      await withLocalTransactions(conn, 'Asia/Tokyo', async () => undefined);
      expect(await rows(`SELECT order_date::VARCHAR FROM transactions WHERE n = 0`)).toEqual([['2019-01-01 09:00:00']]);
      await expect(withLocalTransactions(conn, 'Europe/Paris', async () => undefined)).rejects.toThrow('already read in Asia/Tokyo');
    });
  });
});
