import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/load/loadFiles.js';
import { withLocalTransactions } from '../../src/timezone/withLocalTransactions.js';
import { rows, withTempDb, writeText } from '../helpers/db.js';

/** Two orders written one way: 01:59 before the US change and 03:00 after it (06:59 and 07:00 UTC). */
const csv = (a: string, b: string): string => `customer,date,amount\nc1,${a},10\nc2,${b},20\n`;

describe('offset timestamps as exports write them', () => {
  it.each([
    ['±HH:MM after T', '2024-03-10T01:59:00-05:00', '2024-03-10T03:00:00-04:00', '%Y-%m-%dT%H:%M:%S%z'],
    ['Z', '2024-03-10T06:59:00Z', '2024-03-10T07:00:00Z', '%Y-%m-%dT%H:%M:%S%z'],
    ['±HHMM, no seconds', '2024-03-10T01:59-0500', '2024-03-10T03:00-0400', '%Y-%m-%dT%H:%M%z'],
    ['a space before ±HH:MM, no seconds', '2024-03-10 01:59 -05:00', '2024-03-10 03:00 -04:00', '%Y-%m-%d %H:%M %z'],
    ['Shopify: a space before ±HHMM', '2024-03-10 01:59:00 -0500', '2024-03-10 03:00:00 -0400', '%Y-%m-%d %H:%M:%S %z'],
    ['±HHMM straight after the time, east of UTC', '2024-03-10 12:29:00+0530', '2024-03-10 12:30:00+0530', '%Y-%m-%d %H:%M:%S%z'],
    ['fractional seconds', '2024-03-10T01:59:00.000-05:00', '2024-03-10T03:00:00.000-04:00', '%Y-%m-%dT%H:%M:%S.%f%z'],
  ])('%s is detected and stored as the UTC instant', async (_what, a, b, format) => {
    await withTempDb(async (conn, dir) => {
      const file = writeText(dir, 'orders.csv', csv(a, b));
      const s = await loadFiles(conn, [file], { mapping: { columns: { customer_id: 'customer', order_date: 'date', amount: 'amount' } }, mappingSource: 't' });
      expect(s.loaded).toBe(2);
      expect(s.files[0]!.detected['date_format']).toBe(format);
      expect(await rows(conn, `SELECT strftime(order_date, '%Y-%m-%d %H:%M:%S') AS utc FROM transactions ORDER BY source_line`)).toEqual([
        { utc: '2024-03-10 06:59:00' }, { utc: '2024-03-10 07:00:00' },
      ]);
    });
  });

  it('tells the two 01:30s of the fall-back night apart by their offsets, both on 3 November locally', async () => {
    await withTempDb(async (conn, dir) => {
      const file = writeText(dir, 'orders.csv', csv('2024-11-03 01:30:00 -0400', '2024-11-03 01:30:00 -0500'));
      await loadFiles(conn, [file], { mapping: { columns: { customer_id: 'customer', order_date: 'date', amount: 'amount' } }, mappingSource: 't' });
      expect(await rows(conn, `SELECT strftime(order_date, '%Y-%m-%d %H:%M') AS utc FROM transactions ORDER BY source_line`)).toEqual([
        { utc: '2024-11-03 05:30' }, { utc: '2024-11-03 06:30' },
      ]);
      const local = await withLocalTransactions(conn, 'America/New_York', () =>
        rows(conn, `SELECT strftime(order_date, '%Y-%m-%d %H:%M') AS local FROM transactions ORDER BY source_line`));
      expect(local).toEqual([{ local: '2024-11-03 01:30' }, { local: '2024-11-03 01:30' }]);
    });
  });

  it('ignores the mapping\'s timezone for values that carry an offset', async () => {
    await withTempDb(async (conn, dir) => {
      const file = writeText(dir, 'orders.csv', csv('2024-03-10 01:59:00 -0500', '2024-03-10 03:00:00 -0400'));
      await loadFiles(conn, [file], { mapping: { columns: { customer_id: 'customer', order_date: 'date', amount: 'amount' }, timezone: 'Asia/Tokyo' }, mappingSource: 't' });
      expect(await rows(conn, `SELECT strftime(order_date, '%H:%M') AS utc FROM transactions ORDER BY source_line`)).toEqual([{ utc: '06:59' }, { utc: '07:00' }]);
    });
  });

  it('reads a naive time the clock skipped with the offset before the change, a repeated one as standard time', async () => {
    await withTempDb(async (conn, dir) => {
      const file = writeText(dir, 'orders.csv', csv('2024-03-10 02:30:00', '2024-11-03 01:30:00'));
      await loadFiles(conn, [file], { mapping: { columns: { customer_id: 'customer', order_date: 'date', amount: 'amount' }, timezone: 'America/New_York' }, mappingSource: 't' });
      expect(await rows(conn, `SELECT strftime(order_date, '%Y-%m-%d %H:%M') AS utc FROM transactions ORDER BY source_line`)).toEqual([
        { utc: '2024-03-10 07:30' }, // 02:30 EST (-0500), i.e. 03:30 EDT
        { utc: '2024-11-03 06:30' }, // the second 01:30, EST
      ]);
    });
  });
});
