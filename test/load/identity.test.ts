import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/load/loadFiles.js';
import { parseMapping, type Mapping } from '../../src/load/mapping.js';
import { rows, withTempDb } from '../helpers/db.js';
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
    expect(() => parseMapping({ columns: COLUMNS, identity: { casefold: false } }, 'm.json')).toThrow(/m\.json: "identity" takes only "casefold_emails"/);
    expect(() => parseMapping({ columns: COLUMNS, identity: { casefold_emails: 'no' } }, 'm.json')).toThrow(/casefold_emails/);
  });
});
