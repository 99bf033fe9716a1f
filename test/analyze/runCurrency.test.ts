import { describe, expect, it } from 'vitest';
import { ALL_CURRENCIES, runCurrency } from '../../src/analyze/runCurrency.js';
import { withTempDb } from '../helpers/db.js';

/** Insert purchase lines (customer, order, date, amount, currency) straight into transactions. */
const insert = (rows: [string, string, string, number, string | null][]) =>
  rows.map(([c, o, d, a, cur]) => `('${c}', '${o}', TIMESTAMP '${d}', ${a}, false, 'f.csv', ${o.slice(1)}, 1, ${cur === null ? 'NULL' : `'${cur}'`})`).join(', ');
const SQL = 'INSERT INTO transactions (customer_id, order_id, order_date, amount, is_return, source_file, source_line, load_id, currency) VALUES ';

describe('the currency a run analyses', () => {
  it('data without a recorded currency are in the one the pipeline names (an upgrade never refuses a run)', async () => {
    await withTempDb(async (conn) => {
      await conn.run(SQL + insert([['a', 'o1', '2024-01-02', 10, null], ['b', 'o2', '2024-01-03', 20, null]]));
      expect(await runCurrency(conn, '2024-01-31', 'GBP')).toEqual({ code: 'GBP', chosen: 'named', others: [], filter: ALL_CURRENCIES });
      expect(await runCurrency(conn, '2024-01-31')).toEqual({ code: null, chosen: 'most revenue', others: [], filter: ALL_CURRENCIES });
    });
  });

  it('picks the currency with the most net revenue, lists the others, and refuses a named one the data do not hold', async () => {
    await withTempDb(async (conn) => {
      await conn.run(SQL + insert([['a', 'o1', '2024-01-02', 10, 'EUR'], ['b', 'o2', '2024-01-03', 25, 'GBP'], ['c', 'o3', '2024-01-04', 5, 'EUR']]));
      const c = await runCurrency(conn, '2024-01-31');
      expect(c).toMatchObject({ code: 'GBP', chosen: 'most revenue', filter: 'GBP' });
      expect(c.others).toEqual([{ currency: 'EUR', transactions: 2, orders: 2, customers: 2, revenue: 15 }]);
      expect((await runCurrency(conn, '2024-01-31', 'EUR')).others.map((o) => o.currency)).toEqual(['GBP']);
      await expect(runCurrency(conn, '2024-01-31', 'USD')).rejects.toThrow(/no transactions in USD up to 2024-01-31: the data's currencies are GBP, EUR/);
    });
  });
});
