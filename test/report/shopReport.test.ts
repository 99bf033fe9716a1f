import { join } from 'node:path';
import { expect, it } from 'vitest';
import { crm } from '../helpers/cli.js';
import { withTempDir } from '../helpers/db.js';
import { describeBrowser, openInBrowser } from '../helpers/browser.js';

const TIMEOUT = 120_000;

// A user's first run on a Shopify store: the two overlapping exports, no mapping, then analyze
// and report. By hand (fixtures/shop/orders.ts): USD is the main currency, 6 customers.
describeBrowser('a Shopify store end to end', () => {
  it('loads with the recognised preset, analyses the main currency and reports what was left out', { timeout: TIMEOUT }, async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'shop.duckdb');
      const load = await crm('load', 'fixtures/shop/shopify-export-1.csv', 'fixtures/shop/shopify-export-2.csv', '--db', db);
      expect(load.code, load.err).toBe(0);
      expect(load.out).toContain('shopify-export-1.csv (shopify preset, recognised from the header)');
      expect(load.out).toMatch(/excluded: 1 × status voided/);
      expect(load.out).toMatch(/refunds: 4 entries, 155 refunded/);
      const analyze = await crm('analyze', '--db', db, '--json');
      expect(analyze.code, analyze.err).toBe(0);
      expect(JSON.parse(analyze.out)).toMatchObject({ asOf: '2024-03-22', customers: 6 });
      const report = await crm('report', '--db', db, '--out', join(dir, 'reports'));
      expect(report.code, report.err).toBe(0);
      await openInBrowser(join(dir, 'reports', '2024-03-22', 'report.html'), async (page) => {
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
        const loads = await page.locator('#quality tbody tr').allInnerTexts();
        expect(loads[0]).toMatch(/shopify-export-1\.csv.*Shopify orders export\s+14\s+9\s+0\s+4\s+1\s+3\s+loaded/s);
        // USD is analysed; the store's CAD order is listed, never converted
        expect(await page.locator('body').innerText()).toContain('Left out, not converted: CAD, CA$80.00 from 1 customer');
        // 75 of USD revenue had no customer (#1004): 75 / (1400 + 75); the CAD order is not in either side
        expect(Number(await page.locator('[data-no-customer-share]').getAttribute('data-no-customer-share'))).toBeCloseTo(75 / 1475, 12);
        const quality = await page.locator('#quality').innerText();
        // 6 customers: too few for any share to be implausible, and the report says it looked
        expect(quality).toContain('No house account: no customer id holds an implausible share of the orders or revenue analysed.');
        for (const s of ['status voided: no money taken', 'status pending: no money taken', 'status authorized: no money taken', 'zero-total order']) {
          expect(quality).toContain(s);
        }
      });
    });
  });
});
