import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/load/loadFiles.js';
import { parseMapping } from '../../src/load/mapping.js';
import { rows, withTempDb, writeText } from '../helpers/db.js';

const mapping = parseMapping(
  {
    columns: { customer_id: 'Cust', order_id: 'Invoice', order_date: 'Date', quantity: 'Qty', unit_price: 'Price', product_name: 'Item' },
    date_format: '%d/%m/%Y',
  },
  'test-mapping',
);
const opts = { mapping, mappingSource: 'test-mapping' };

const CSV = [
  'Invoice,Cust,Date,Qty,Price,Item',
  '1001,00042,03/01/2024,2,5.50,"Mug, large"',
  '1001,00042,03/01/2024,1,3.00,"He said ""hi"""',
  '1002,00007,31/01/2024,-1,5.50,Mug', // a return
  '1003,,04/01/2024,1,1.00,Pen', // line 5: no customer
  '1004,00009,2024-01-05,1,1.00,Pen', // line 6: wrong date format
  '1005,00009,05/01/2024,one,1.00,Pen', // line 7: quantity not a number
  '1006,00009,05/01/2024,1,1.00', // line 8: a field short
  '1007,00010,06/01/2024,1,2.50,Cup',
].join('\n');

describe('loadFiles (CSV, first version)', () => {
  it('loads clean rows exactly and quarantines every bad one with its line and reason', async () => {
    await withTempDb(async (conn, dir) => {
      const file = writeText(dir, 'export.csv', CSV + '\n');
      const s = await loadFiles(conn, [file], opts);
      expect(s).toMatchObject({ rows_read: 8, loaded: 4, duplicates: 0, excluded: 0, quarantined: 4 });
      expect(s.quarantine_reasons).toEqual({
        'missing customer_id': 1,
        'unparseable order_date': 1,
        'unparseable quantity': 1,
        'malformed record': 1,
      });
      const t = await rows(conn, 'SELECT customer_id, order_id, order_date::VARCHAR AS d, amount, is_return, product_name, source_line FROM transactions ORDER BY source_line');
      expect(t).toEqual([
        { customer_id: '00042', order_id: '1001', d: '2024-01-03 00:00:00', amount: 11, is_return: false, product_name: 'Mug, large', source_line: 2 },
        { customer_id: '00042', order_id: '1001', d: '2024-01-03 00:00:00', amount: 3, is_return: false, product_name: 'He said "hi"', source_line: 3 },
        { customer_id: '00007', order_id: '1002', d: '2024-01-31 00:00:00', amount: -5.5, is_return: true, product_name: 'Mug', source_line: 4 },
        { customer_id: '00010', order_id: '1007', d: '2024-01-06 00:00:00', amount: 2.5, is_return: false, product_name: 'Cup', source_line: 9 },
      ]);
      const q = await rows(conn, 'SELECT source_line, reason, detail FROM quarantine ORDER BY source_line');
      expect(q.map((r) => [r['source_line'], r['reason']])).toEqual([
        [5, 'missing customer_id'],
        [6, 'unparseable order_date'],
        [7, 'unparseable quantity'],
        [8, 'malformed record'],
      ]);
      expect(String(q[1]!['detail'])).toContain('order_date "2024-01-05" does not match date format %d/%m/%Y (column Date)');
      const loads = await rows(conn, 'SELECT rows_read, rows_loaded, rows_quarantined, status FROM loads');
      expect(loads).toEqual([{ rows_read: 8, rows_loaded: 4, rows_quarantined: 4, status: 'loaded' }]);
    });
  });

  it('counts a file loaded again as duplicates and adds nothing', async () => {
    await withTempDb(async (conn, dir) => {
      const file = writeText(dir, 'export.csv', CSV + '\n');
      await loadFiles(conn, [file], opts);
      const again = await loadFiles(conn, [file], opts);
      expect(again).toMatchObject({ rows_read: 8, loaded: 0, duplicates: 8, quarantined: 0 });
      expect(await rows(conn, 'SELECT count(*) AS n FROM transactions')).toEqual([{ n: 4 }]);
      expect(await rows(conn, 'SELECT count(*) AS n FROM quarantine')).toEqual([{ n: 4 }]);
    });
  });

  it('refuses a mapping naming a missing column, names it, lists the real ones, writes nothing', async () => {
    await withTempDb(async (conn, dir) => {
      const good = writeText(dir, 'a.csv', CSV + '\n');
      const bad = writeText(dir, 'b.csv', 'Invoice,Customer,Date,Qty,Price,Item\n1,2,03/01/2024,1,1,x\n');
      const err = await loadFiles(conn, [good, bad], opts).catch((e: Error) => e);
      expect(err).toBeInstanceOf(Error);
      expect((err as Error).message).toContain('has no column "Cust" (mapped to customer_id)');
      expect((err as Error).message).toContain('"Customer"');
      expect(await rows(conn, 'SELECT (SELECT count(*) FROM transactions) AS t, (SELECT count(*) FROM loads) AS l, (SELECT count(*) FROM quarantine) AS q')).toEqual([{ t: 0, l: 0, q: 0 }]);
    });
  });
});
