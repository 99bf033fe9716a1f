import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crm } from '../helpers/cli.js';
import { withTempDir, writeText } from '../helpers/db.js';

const MAPPING = JSON.stringify({ columns: { customer_id: 'Customer ID', order_id: 'Order Number', order_date: 'Order Date', amount: 'Total' } });

describe('house accounts through a pipeline run', () => {
  // The pipeline loads its inputs inside the run: the no-customer share must still count that load
  // (400 of 8,000), and a declared id is a house account whatever its share.
  it('takes houseAccounts from the pipeline file and reports the no-customer share of its own load', async () => {
    await withTempDir(async (dir) => {
      writeText(dir, 'm.json', MAPPING);
      const file = writeText(dir, 'shop.json', JSON.stringify({
        name: 'shop', schedule: { cron: '0 6 * * 1' }, asOf: 'latest-order', currency: 'GBP',
        inputs: { files: [join(process.cwd(), 'fixtures/house/marketplace.csv')], mapping: 'm.json' },
        houseAccounts: { ids: ['shopper07@example.com'], keepInModels: true },
      }));
      const db = join(dir, 'crm.duckdb');
      const r = await crm('run', file, '--out', join(dir, 'reports'), '--db', db);
      expect(r.code, r.err).toBe(0);
      const q = await crm('query', 'SELECT customer_id, reason, kept_in_models FROM house_accounts ORDER BY customer_id', '--format', 'json', '--db', db);
      expect(JSON.parse(q.out)).toEqual([
        { customer_id: 'orders@marketplace.example', reason: 'orders and revenue', kept_in_models: true },
        { customer_id: 'shopper07@example.com', reason: 'declared', kept_in_models: true },
      ]);
      const report = /report: (.+\.html)/.exec(r.out)?.[1] ?? /(\S+\.html)/.exec(r.out)![1]!;
      const html = readFileSync(report, 'utf8');
      expect(html).toContain('data-no-customer-share="0.05"');
      expect(html).toContain('data-house-accounts="2"');
      expect(html).toContain('Kept in the churn and CLV model fits and the clusters (houseAccounts.keepInModels is set)');
    });
  });
});
