import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crm } from '../helpers/cli.js';
import { withTempDir, writeText } from '../helpers/db.js';

const MAPPING = JSON.stringify({ columns: { customer_id: 'Customer ID', order_id: 'Order Number', order_date: 'Order Date', amount: 'Total' } });

describe('house accounts in the load summary', () => {
  // fixtures/house/marketplace.csv by hand: 205 rows, 5 with no customer id (quarantined, 400.00);
  // the operator has 120 of the 200 stored orders and 3,600 of their 7,600 net.
  it('names the likely house account in the text and --json output', async () => {
    await withTempDir(async (dir) => {
      const mapping = writeText(dir, 'm.json', MAPPING);
      const db = join(dir, 'crm.duckdb');
      const json = await crm('load', 'fixtures/house/marketplace.csv', '--mapping', mapping, '--json', '--db', db);
      expect(json.code).toBe(0);
      const s = JSON.parse(json.out);
      expect(s).toMatchObject({ rows_read: 205, loaded: 200, quarantined: 5, no_customer_revenue: 400 });
      expect(s.house_accounts).toEqual([
        { customer_id: 'orders@marketplace.example', orders: 120, revenue: 3600, order_share: 0.6, revenue_share: 3600 / 7600, reason: 'orders and revenue' },
      ]);
      const dry = await crm('load', 'fixtures/house/marketplace.csv', '--mapping', mapping, '--dry-run', '--db', join(dir, 'dry.duckdb'));
      expect(dry.out).toContain('likely house account: orders@marketplace.example holds 60.0% of this load\'s orders (120) and 47.4% of its revenue');
      expect(dry.out).toContain('dry run: nothing was written');
      const text = await crm('load', 'fixtures/house/big-buyer.csv', 'fixtures/house/marketplace.csv', '--mapping', mapping, '--db', join(dir, 'two.duckdb'));
      expect(text.code).toBe(0);
      // both files' rows: 200 + 91 orders, 7,600 + 10,010 net
      expect(text.out).toContain(`likely house account: orders@marketplace.example holds ${(12000 / 291).toFixed(1)}% of this load's orders (120) and ${(360000 / 17610).toFixed(1)}% of its revenue`);
    });
  });

  it('names none for a big but plausible customer', async () => {
    await withTempDir(async (dir) => {
      const mapping = writeText(dir, 'm.json', MAPPING);
      const r = await crm('load', 'fixtures/house/big-buyer.csv', '--mapping', mapping, '--json', '--db', join(dir, 'crm.duckdb'));
      expect(JSON.parse(r.out).house_accounts).toEqual([]);
      const again = await crm('load', 'fixtures/house/big-buyer.csv', '--mapping', mapping, '--db', join(dir, 'crm.duckdb'));
      expect(again.out).not.toContain('house account');
    });
  });
});
