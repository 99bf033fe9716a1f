import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { withDatabase } from '../../src/store/database.js';
import { describeBrowser, openInBrowser } from '../helpers/browser.js';
import { crm } from '../helpers/cli.js';
import { rows } from '../helpers/db.js';

const TIMEOUT = 90_000;

/** The sample (with Category) through the real CLI, two runs so the share moves exist, in Chromium. */
describeBrowser('the products section of the sample report in Chromium', () => {
  let dir: string;
  const db = (): string => join(dir, 'crm.duckdb');
  const report = (locale: string): string => join(dir, locale, '2024-12-29', 'report.html');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-products-'));
    expect((await crm('load', 'fixtures/sample/transactions.csv', '--mapping', 'fixtures/sample/mapping.json', '--db', db())).code).toBe(0);
    expect((await crm('analyze', '--as-of', '2024-11-30', '--db', db())).code).toBe(0);
    expect((await crm('analyze', '--as-of', '2024-12-29', '--db', db())).code).toBe(0);
    for (const locale of ['en', 'zh-CN']) expect((await crm('report', '--locale', locale, '--out', join(dir, locale), '--db', db())).code).toBe(0);
  }, TIMEOUT);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const drawn = (page: Page) => page.waitForFunction(() => [...document.querySelectorAll('#products [data-chart]')].every((c) => c.querySelector('svg, .chart-error')));

  it('draws the heatmap, pairs and weekly charts, and the tables hold the stored numbers', { timeout: TIMEOUT }, async () => {
    const mix = await withDatabase(db(), { readOnly: true }, (conn) => rows(conn, `SELECT item, customer_share FROM product_mix
      WHERE run_id = 2 AND group_kind = 'all' ORDER BY customer_share DESC, item`));
    const pairs = await withDatabase(db(), { readOnly: true }, (conn) => rows(conn, `SELECT count(*) AS n FROM product_pairs WHERE run_id = 2 AND scope = 'customer'`));
    expect(pairs[0]!['n']).toBeGreaterThan(0);
    await openInBrowser(report('en'), async (page, log) => {
      await drawn(page);
      const charts = await page.evaluate(() => [...document.querySelectorAll('#products [data-chart]')].map((c) => [c.id, c.querySelector('svg') !== null]));
      expect(charts).toEqual([['chart-product-mix', true], ['chart-product-pairs', true], ['chart-product-weekly', true]]);
      // the base row of the segment table: every category's share, in the base's order
      const base = await page.evaluate(() => {
        const table = [...document.querySelectorAll('#products table')].find((t) => t.querySelector('caption')!.textContent!.includes('by segment'))!;
        return { items: [...table.querySelectorAll('thead th')].slice(2).map((th) => th.textContent), shares: [...table.querySelectorAll('tfoot td')].slice(1).map((td) => td.textContent) };
      });
      expect(base.items).toEqual(mix.map((m) => m['item']));
      expect(base.shares).toEqual(mix.map((m) => `${(Number(m['customer_share']) * 100).toFixed(1)}%`));
      expect(await page.locator('#products').textContent()).toContain('as often as the average customer');
      expect(await page.locator('#contents a[href="#products"]').count()).toBe(1);
      expect([...log.consoleErrors, ...log.pageErrors, ...log.requests.filter((r) => !r.endsWith('report.html'))]).toEqual([]);
    });
  });

  it('fits a 390 px phone in Chinese', { timeout: TIMEOUT }, async () => {
    await openInBrowser(report('zh-CN'), async (page) => {
      await drawn(page);
      expect(await page.locator('#products h2').textContent()).toBe('客户买什么');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const boxes = await page.evaluate(() => [...document.querySelectorAll('#products [data-chart]')].map((c) => [c.clientWidth, c.querySelector('svg')!.getBoundingClientRect().width]));
      for (const [box, svg] of boxes) expect(svg).toBeLessThanOrEqual(box! + 1);
    }, { beforeLoad: (page) => page.setViewportSize({ width: 390, height: 844 }) });
  });
});
