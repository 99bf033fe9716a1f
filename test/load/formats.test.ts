import { describe, expect, it } from 'vitest';
import { rows, withTempDb } from '../helpers/db.js';
import { F, load, stored } from './helpers.js';

describe('formats', () => {
  it('semicolons, decimal commas, thousands dots, currency symbols, accounting negatives', async () => {
    await withTempDb(async (conn) => {
      const s = await load(conn, [F('semicolon-eu.csv')], F('semicolon-eu.json'));
      expect(s).toMatchObject({ rows_read: 3, loaded: 3, quarantined: 0 });
      expect(await stored(conn)).toEqual([
        { customer_id: '00042', order_id: 'R-1', amount: 1234.5, d: '2024-01-03 00:00:00' },
        { customer_id: '00042', order_id: 'R-2', amount: 19.99, d: '2024-02-15 00:00:00' },
        { customer_id: '00007', order_id: 'R-3', amount: -5, d: '2024-02-20 00:00:00' },
      ]);
      expect(s.files[0]!.detected).toMatchObject({ delimiter: ';', date_format: '%d.%m.%Y' });
    });
  });

  it('a TSV with a byte-order mark and CRLF; ISO dates with T and a zone are stored in UTC', async () => {
    await withTempDb(async (conn) => {
      const s = await load(conn, [F('bom-crlf.tsv')]);
      expect(s).toMatchObject({ rows_read: 3, loaded: 3 });
      expect(s.files[0]!.detected).toMatchObject({ delimiter: '\t' });
      expect((await stored(conn)).map((r) => [r['customer_id'], r['d']])).toEqual([
        ['A1', '2024-03-01 10:00:00'],
        ['A1', '2024-03-02 21:30:00'],
        ['B2', '2024-03-03 08:15:00'],
      ]);
    });
  });

  it('quoted fields keep embedded delimiters, doubled quotes and line breaks', async () => {
    await withTempDb(async (conn) => {
      const s = await load(conn, [F('quoted.csv')]);
      expect(s).toMatchObject({ rows_read: 4, loaded: 4 });
      const names = await rows(conn, 'SELECT product_name FROM transactions ORDER BY source_line');
      expect(names.map((r) => r['product_name'])).toEqual(['Mug, large', 'He said "hi"', 'Two\nlines', 'plain']);
    });
  });

  it('Parquet: typed columns load through the same validation, ids keep their zeros', async () => {
    await withTempDb(async (conn) => {
      const s = await load(conn, [F('orders.parquet')]);
      expect(s).toMatchObject({ rows_read: 3, loaded: 3 });
      expect(await stored(conn, 'customer_id, order_id, amount, is_return')).toEqual([
        { customer_id: '00042', order_id: '1001', amount: 12.5, is_return: false, d: '2024-04-01 09:30:00' },
        { customer_id: '00042', order_id: '1002', amount: -2.5, is_return: true, d: '2024-04-03 17:00:00' },
        { customer_id: '00100', order_id: '1003', amount: 40, is_return: false, d: '2024-04-05 12:00:00' },
      ]);
    });
  });

  it('JSON arrays and NDJSON; a broken NDJSON line is quarantined with its line number', async () => {
    await withTempDb(async (conn) => {
      const s = await load(conn, [F('orders.json'), F('orders.ndjson')]);
      expect(s.files.map((f) => [f.rowsRead, f.loaded, f.quarantined])).toEqual([[2, 2, 0], [4, 3, 1]]);
      expect(await rows(conn, 'SELECT source_line, reason, detail FROM quarantine')).toEqual([
        { source_line: 3, reason: 'malformed record', detail: 'not a JSON object' },
      ]);
      expect((await stored(conn)).map((r) => [r['customer_id'], r['amount']])).toEqual([
        ['J1', 5.5], ['J2', 7], ['N1', 5.5], ['N2', 7.25], ['N3', 1],
      ]);
      expect(await rows(conn, "SELECT source_line FROM transactions WHERE customer_id = 'N3'")).toEqual([{ source_line: 5 }]);
    });
  });

  it('a glob of daily files loads in one go, in name order', async () => {
    await withTempDb(async (conn) => {
      const s = await load(conn, [F('daily/*.csv')]);
      expect(s.files.map((f) => f.path.split('/').pop())).toEqual(['2024-01-01.csv', '2024-01-02.csv', '2024-01-03.csv']);
    });
  });

  it('common export headers load with no mapping file', async () => {
    await withTempDb(async (conn) => {
      const s = await load(conn, [F('common-headers.csv')]);
      expect(s.files[0]!.mapping).toMatchObject({
        columns: { customer_id: 'Customer ID', order_id: 'Invoice', order_date: 'InvoiceDate', quantity: 'Quantity', unit_price: 'Price', product_name: 'Description' },
      });
      expect((await stored(conn)).map((r) => r['amount'])).toEqual([12 * 6.95, 24 * 1.25]);
    });
  });
});

describe('CDNOW as shipped', () => {
  it('loads CDNOW_master.txt: 69,659 rows, ids with their zeros, dates exact', async () => {
    await withTempDb(async (conn) => {
      const s = await load(conn, ['fixtures/cdnow/CDNOW_master.txt'], 'fixtures/cdnow/mapping-master.json');
      expect(s).toMatchObject({ rows_read: 69659, loaded: 69659, quarantined: 0, duplicates: 0 });
      expect(s.duplicate_lines_kept).toBe(255);
      const [c] = await rows(conn, `SELECT count(DISTINCT customer_id) AS customers, min(customer_id) AS first, max(customer_id) AS last,
        min(order_date)::DATE::VARCHAR AS d0, max(order_date)::DATE::VARCHAR AS d1, count(*) FILTER (WHERE amount = 0) AS zero
        FROM transactions`);
      expect(c).toEqual({ customers: 23570, first: '00001', last: '23570', d0: '1997-01-01', d1: '1998-06-30', zero: 80 });
    });
  });

  it('loads CDNOW_sample.txt (no header, columns by position): 6,919 rows, 2,357 customers', async () => {
    await withTempDb(async (conn) => {
      const s = await load(conn, ['fixtures/cdnow/CDNOW_sample.txt'], 'fixtures/cdnow/mapping-sample.json');
      expect(s).toMatchObject({ rows_read: 6919, loaded: 6919, quarantined: 0 });
      const [c] = await rows(conn, `SELECT count(DISTINCT customer_id) AS customers, min(customer_id) AS first FROM transactions`);
      expect(c).toEqual({ customers: 2357, first: '00004' });
      const first = await stored(conn, 'customer_id, quantity, amount');
      expect(first[0]).toEqual({ customer_id: '00004', quantity: 2, amount: 29.33, d: '1997-01-01 00:00:00' });
    });
  });
});
