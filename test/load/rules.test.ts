import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/load/loadFiles.js';
import { readMapping } from '../../src/load/mapping.js';
import { rows, withTempDb } from '../helpers/db.js';
import { F, load, stored } from './helpers.js';

describe('ids', () => {
  it('keep zero padding; spreadsheet-style 17850.0 becomes 17850', async () => {
    await withTempDb(async (conn) => {
      await load(conn, [F('ids.csv')]);
      expect((await stored(conn)).map((r) => [r['customer_id'], r['order_id']])).toEqual([
        ['17850', '536365'], ['00042', '000123'], ['17850', '536366'],
      ]);
    });
  });
});

describe('a retail export: returns, non-purchase lines, bad rows, repeated lines', () => {
  it('accounts for every row', async () => {
    await withTempDb(async (conn) => {
      const s = await load(conn, [F('retail.csv')], F('retail.json'));
      expect(s).toMatchObject({ rows_read: 12, loaded: 6, excluded: 2, quarantined: 4, duplicates: 0, duplicate_lines_kept: 1 });
      expect(s.quarantine_reasons).toEqual({
        'missing customer_id': 1,
        'non-positive unit_price': 1,
        'order_date in the future': 1,
        'unparseable quantity': 1,
      });
      const t = await rows(conn, 'SELECT order_id, amount, is_return, source FROM transactions ORDER BY source_line');
      expect(t).toEqual([
        { order_id: '536365', amount: 15.299999999999999, is_return: false, source: 'shop' },
        { order_id: '536365', amount: 20.34, is_return: false, source: 'shop' },
        { order_id: '536365', amount: 20.34, is_return: false, source: 'shop' },
        { order_id: 'C536379', amount: -5.1, is_return: true, source: 'shop' },
        { order_id: 'C536380', amount: -12.75, is_return: true, source: 'shop' },
        { order_id: '536381', amount: 25.5, is_return: false, source: 'shop' },
      ]);
      const ex = await rows(conn, 'SELECT source_line, reason FROM excluded ORDER BY source_line');
      expect(ex.map((r) => r['source_line'])).toEqual([5, 13]);
      expect(String(ex[0]!['reason'])).toContain('POST');
      const q = await rows(conn, 'SELECT source_line, raw FROM quarantine ORDER BY source_line');
      expect(q.map((r) => r['source_line'])).toEqual([9, 10, 11, 12]);
      expect(JSON.parse(String(q[0]!['raw']))).toMatchObject({ StockCode: '22633', UnitPrice: '0.00' });
    });
  });

  it('drops repeated lines when the mapping says so, counting them as duplicates', async () => {
    await withTempDb(async (conn) => {
      const mapping = { ...readMapping(F('retail.json')), duplicate_lines: 'drop' as const };
      const s = await loadFiles(conn, [F('retail.csv')], { mapping, mappingSource: 't' });
      expect(s).toMatchObject({ rows_read: 12, loaded: 5, duplicates: 1, excluded: 2, quarantined: 4, duplicate_lines_kept: 0 });
    });
  });

  it('returns net in monetary, are never orders, and give a per-customer return rate', async () => {
    await withTempDb(async (conn) => {
      await load(conn, [F('retail.csv')], F('retail.json'));
      const { analyze } = await import('../../src/analyze/analyze.js');
      const run = await analyze(conn, { asOf: '2024-12-31', allowFutureAsOf: true }); // the as-of check is not what this tests
      const r = await rows(conn, `SELECT customer_id, frequency, round(monetary, 2) AS monetary, round(returns_amount, 2) AS returned, round(return_rate, 4) AS rate FROM customer_scores WHERE run_id = ${run.runId} ORDER BY customer_id`);
      expect(r).toEqual([
        { customer_id: '12583', frequency: 1, monetary: 12.75, returned: 12.75, rate: 0.5 },
        { customer_id: '17850', frequency: 1, monetary: 50.88, returned: 5.1, rate: 0.0911 },
      ]);
    });
  });
});

describe('duplicates across loads', () => {
  it('overlapping daily exports never double count; repeated lines inside one file are kept and counted', async () => {
    await withTempDb(async (conn) => {
      const s = await load(conn, [F('daily/*.csv')]);
      expect(s.files.map((f) => [f.rowsRead, f.loaded, f.duplicates])).toEqual([[2, 2, 0], [2, 1, 1], [3, 2, 1]]);
      expect(s.duplicate_lines_kept).toBe(1);
      expect((await stored(conn)).map((r) => r['order_id'])).toEqual(['1', '2', '3', '4', '4']);
    });
  });

  it('loading the same files again changes nothing', async () => {
    await withTempDb(async (conn) => {
      await load(conn, [F('daily/*.csv')]);
      const again = await load(conn, [F('daily/*.csv')]);
      expect(again).toMatchObject({ rows_read: 7, loaded: 0, duplicates: 7 });
      expect(await rows(conn, 'SELECT count(*) AS n FROM transactions')).toEqual([{ n: 5 }]);
    });
  });
});

describe('several sources', () => {
  it('feed one customer view with different mappings, each row keeping its source', async () => {
    await withTempDb(async (conn) => {
      await load(conn, [F('retail.csv')], F('retail.json'));
      await load(conn, [F('wholesale.txt')], F('wholesale.json'));
      expect(await rows(conn, 'SELECT source, count(*) AS n FROM transactions GROUP BY source ORDER BY source')).toEqual([
        { source: 'shop', n: 6 },
        { source: 'wholesale', n: 2 },
      ]);
    });
  });
});

describe('a load is one transaction', () => {
  it('a failing file leaves the database exactly as before', async () => {
    await withTempDb(async (conn) => {
      await load(conn, [F('quoted.csv')]);
      const before = await rows(conn, 'SELECT (SELECT count(*) FROM transactions) t, (SELECT count(*) FROM loads) l, (SELECT count(*) FROM quarantine) q');
      const err = await load(conn, [F('daily/*.csv'), F('dates-ambiguous.csv')]).catch((e: Error) => e);
      expect(err).toBeInstanceOf(Error);
      expect(await rows(conn, 'SELECT (SELECT count(*) FROM transactions) t, (SELECT count(*) FROM loads) l, (SELECT count(*) FROM quarantine) q')).toEqual(before);
    });
  });
});
