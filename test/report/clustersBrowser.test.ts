import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { crm } from '../helpers/cli.js';
import { describeBrowser, openInBrowser } from '../helpers/browser.js';

const TIMEOUT = 90_000;

/** The Clusters section as a reader sees it: its tables' captions, headers and rows, and its size. */
async function clustersView(page: Page) {
  await page.locator('#chart-cluster-silhouette svg').waitFor();
  return page.evaluate(() => {
    const section = document.querySelector('#clusters')!;
    const tables = [...section.querySelectorAll('table')].map((t) => ({
      caption: t.querySelector('caption')?.textContent ?? '',
      headers: [...t.querySelectorAll('thead th')].map((th) => th.textContent),
      rows: [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
    }));
    return { text: (section as HTMLElement).innerText, tables, pageWidth: document.documentElement.scrollWidth };
  });
}

describeBrowser('the Clusters section in Chromium', () => {
  let dir: string;
  const report = (locale: string): string => join(dir, locale, '2024-12-29', 'report.html');
  // screenshots go here, to be looked at (CRM_SHOTS=dir keeps them)
  const shots = (): string => process.env.CRM_SHOTS ?? dir;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-clusters-browser-'));
    const db = join(dir, 'crm.duckdb');
    const load = await crm('load', 'fixtures/sample/transactions.csv', 'fixtures/clusters/extremes.csv', '--mapping', 'fixtures/sample/mapping.json', '--db', db);
    expect(load.code, load.err).toBe(0);
    expect((await crm('analyze', '--as-of', '2024-12-22', '--db', db)).code).toBe(0);
    expect((await crm('analyze', '--as-of', '2024-12-29', '--db', db)).code).toBe(0);
    for (const locale of ['en', 'zh-CN']) expect((await crm('report', '--locale', locale, '--out', join(dir, locale), '--db', db)).code).toBe(0);
  }, TIMEOUT);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows profiles with actions, lift, set-aside groups, the candidates and stability on a desktop', { timeout: TIMEOUT }, async () => {
    await openInBrowser(report('en'), async (page, log) => {
      const view = await clustersView(page);
      await page.locator('#clusters').screenshot({ path: join(shots(), 'clusters-desktop.png') });
      expect(log.pageErrors).toEqual([]);
      const [profiles, lift, setAside] = view.tables;
      expect(profiles!.headers.slice(0, 3)).toEqual(['Cluster', 'Suggested action', 'Customers']);
      expect(profiles!.rows.length).toBeGreaterThanOrEqual(3);
      for (const row of profiles!.rows) expect(['Win back', 'Nurture to a second order', 'Reward', 'Upsell']).toContain(row[1]);
      expect(lift!.caption).toContain('What sets each cluster apart');
      expect(lift!.rows.every((r) => r.slice(1).every((c) => /^×\d+\.\d\d$/.test(c!)))).toBe(true);
      expect(setAside!.rows.map((r) => r[0])).toEqual(['No net spend', 'Extreme outliers']);
      expect(view.text).toMatch(/The rule: the largest k whose every cluster holds at least 2%/);
      expect(view.text).toMatch(/adjusted Rand index, 1 = the same, 0 = chance\): (0|1)\.\d\d/);
      expect(view.pageWidth).toBeLessThanOrEqual(1280);
    }, { beforeLoad: (page) => page.setViewportSize({ width: 1280, height: 900 }) });
  });

  it.each(['en', 'zh-CN'])('%s: fits a 390 px phone, with every cluster table scrolling inside its own box', { timeout: TIMEOUT }, async (locale) => {
    await openInBrowser(report(locale), async (page) => {
      const view = await clustersView(page);
      await page.locator('#clusters').screenshot({ path: join(shots(), `clusters-phone-${locale}.png`) });
      expect(view.pageWidth).toBeLessThanOrEqual(390);
      const boxes = await page.evaluate(() => [...document.querySelectorAll('#clusters .table-wrap')].map((w) => w.getBoundingClientRect().right));
      for (const right of boxes) expect(right).toBeLessThanOrEqual(390);
      if (locale === 'zh-CN') {
        expect(view.text).toContain('建议行动');
        expect(view.text).toContain('无净消费');
        expect(view.text).toContain('调整兰德指数');
      }
    }, { beforeLoad: (page) => page.setViewportSize({ width: 390, height: 844 }) });
  });
});
