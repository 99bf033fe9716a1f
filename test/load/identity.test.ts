import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/load/loadFiles.js';
import { EMPTY_MAPPING, parseMapping, type Mapping } from '../../src/load/mapping.js';
import { rows, withTempDb, writeText } from '../helpers/db.js';
import { F } from './helpers.js';

const FILE = F('emails.csv');
const COLUMNS = { customer_id: 'Customer Email', order_id: 'Order Number', order_date: 'Order Date', amount: 'Total' };

async function loadEmails(conn: Parameters<Parameters<typeof withTempDb>[0]>[0], extra: object = {}) {
  const mapping: Mapping = parseMapping({ columns: COLUMNS, ...extra }, 'm.json');
  const s = await loadFiles(conn, [FILE], { mapping, mappingSource: 'm.json' });
  const f = s.files[0]!;
  expect(f.loaded + f.duplicates + f.excluded + f.quarantined).toBe(f.rowsRead);
  return s;
}

const customers = (conn: Parameters<Parameters<typeof withTempDb>[0]>[0]) =>
  rows(conn, 'SELECT customer_id, count(*) AS orders, sum(amount) AS revenue FROM transactions GROUP BY customer_id ORDER BY customer_id');

describe('customer identities', () => {
  // By hand: Jane×3 (one with spaces), bob×2 are one customer each; AB12/ab12 are not e-mails;
  // user@localhost has no dot after the @, so it is not e-mail-shaped either: 6 customers.
  it('trims and case-folds e-mail-shaped ids by default; other ids stay exact', async () => {
    await withTempDb(async (conn) => {
      const s = await loadEmails(conn);
      expect(s).toMatchObject({ rows_read: 10, loaded: 9, quarantined: 1, quarantine_reasons: { 'missing customer_id': 1 } });
      expect(await customers(conn)).toEqual([
        { customer_id: 'AB12', orders: 1, revenue: 1 },
        { customer_id: 'User@localhost', orders: 1, revenue: 3 },
        { customer_id: 'ab12', orders: 1, revenue: 1 },
        { customer_id: 'bob@shop.co.uk', orders: 2, revenue: 10 },
        { customer_id: 'jane@example.com', orders: 3, revenue: 35 },
        { customer_id: 'user@localhost', orders: 1, revenue: 3 },
      ]);
    });
  });

  it('keeps e-mails as written with "identity": {"casefold_emails": false}', async () => {
    await withTempDb(async (conn) => {
      await loadEmails(conn, { identity: { casefold_emails: false } });
      const ids = (await customers(conn)).map((r) => r['customer_id']);
      expect(ids).toHaveLength(9);
      expect(ids).toContain('JANE@EXAMPLE.COM'); // trimmed, case kept
      expect(ids).toContain('Jane@Example.com');
    });
  });

  it('refuses an identity key it does not know, naming the mapping and the fix', () => {
    expect(() => parseMapping({ columns: COLUMNS, identity: { casefold: false } }, 'm.json')).toThrow(/m\.json: "identity" takes "casefold_emails" \(true or false\) and "relay_domains"/);
    expect(() => parseMapping({ columns: COLUMNS, identity: { casefold_emails: 'no' } }, 'm.json')).toThrow(/casefold_emails/);
  });
});

describe('ids damaged by a spreadsheet', () => {
  it('quarantines customer and order ids in scientific notation with their own reason, naming the column', async () => {
    await withTempDb(async (conn) => {
      const mapping = parseMapping({ columns: { customer_id: 'Customer ID', order_id: 'Order ID', order_date: 'Order Date', amount: 'Amount' } }, 'm.json');
      const s = await loadFiles(conn, [F('spreadsheet-ids.csv')], { mapping, mappingSource: 'm.json' });
      const f = s.files[0]!;
      expect(f.loaded + f.duplicates + f.excluded + f.quarantined).toBe(f.rowsRead);
      // 12E4 has no "+" exponent, so it is a code a spreadsheet did not write: kept
      expect(s).toMatchObject({ rows_read: 4, loaded: 2, quarantined: 2, quarantine_reasons: { 'id damaged by a spreadsheet': 2 } });
      expect((await rows(conn, 'SELECT customer_id FROM transactions ORDER BY source_line')).map((r) => r['customer_id'])).toEqual(['922280000123', '12E4']);
      const q = await rows(conn, 'SELECT source_line, detail FROM quarantine ORDER BY source_line');
      expect(q.map((r) => r['source_line'])).toEqual([2, 4]);
      expect(String(q[0]!['detail'])).toMatch(/^customer_id "9\.23228E\+11" \(column Customer ID\) is in scientific notation: a spreadsheet re-saved the file/);
      expect(String(q[1]!['detail'])).toMatch(/^order_id "1\.5E\+04" \(column Order ID\) is in scientific notation/);
    });
  });
});

describe('revenue of rows with no customer', () => {
  it('reports the net amount of "missing customer_id" rows in the load result and in loads', async () => {
    await withTempDb(async (conn, dir) => {
      const s1 = await loadEmails(conn);
      expect(s1.quarantine_reasons).toEqual({ 'missing customer_id': 1 });
      expect(s1.no_customer_revenue).toBe(40); // line 11 of emails.csv, by hand
      // quantity × unit_price: 2 × 5 bought, a return of 1 × 5 (net 5), and an unparseable price (no amount)
      const file = writeText(dir, 'lines.csv', 'customer_id,order_id,order_date,quantity,unit_price\n,1,2024-04-01,2,5\n,2,2024-04-02,-1,5\n,3,2024-04-03,1,abc\nZ,4,2024-04-04,1,99\n');
      const s2 = await loadFiles(conn, [file], { mapping: EMPTY_MAPPING, mappingSource: 'detected' });
      const f = s2.files[0]!;
      expect(f.loaded + f.duplicates + f.excluded + f.quarantined).toBe(f.rowsRead);
      expect(s2).toMatchObject({ rows_read: 4, loaded: 1, quarantined: 3, no_customer_revenue: 5 });
      const loads = await rows(conn, 'SELECT no_customer_revenue AS r FROM loads ORDER BY load_id');
      expect(loads.map((r) => r['r'])).toEqual([40, 5]);
      // loading a file again counts nothing twice
      const again = await loadFiles(conn, [file], { mapping: EMPTY_MAPPING, mappingSource: 'detected' });
      expect(again).toMatchObject({ duplicates: 4, no_customer_revenue: 0 });
    });
  });
});
