import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/renderHtml.js';
import { describeBrowser, openInBrowser } from '../helpers/browser.js';
import { HOSTILE_SEGMENT, sampleReportData } from './sampleData.js';

const TIMEOUT = 60_000;

describeBrowser('report in Chromium', () => {
  let dir: string;
  let file: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-report-'));
    file = join(dir, 'report.html');
    writeFileSync(file, renderHtml(sampleReportData()));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('draws every chart with no errors, requests or dialogs', { timeout: TIMEOUT }, async () => {
    await openInBrowser(file, async (page, log) => {
      const charts = page.locator('[data-chart]');
      expect(await charts.count()).toBe(16); // 10 + the weekly trend's six
      for (const chart of await charts.all()) await chart.locator('svg').first().waitFor();
      expect(log.consoleErrors).toEqual([]);
      expect(log.pageErrors).toEqual([]);
      expect(log.dialogs).toEqual([]);
      expect(new Set(log.requests)).toEqual(new Set([pathToFileURL(file).href]));
    });
  });

  it('shows the hostile segment name as text and creates no image', { timeout: TIMEOUT }, async () => {
    await openInBrowser(file, async (page, log) => {
      await page.locator('#chart-segments svg').first().waitFor();
      await expect.poll(() => page.getByRole('cell', { name: HOSTILE_SEGMENT, exact: true }).first().isVisible()).toBe(true);
      expect(await page.locator('img').count()).toBe(0);
      expect(await page.locator('#segments script, #quality script').count()).toBe(0);
      expect(log.dialogs).toEqual([]);
    });
  });

  it('has a content security policy that blocks network requests', { timeout: TIMEOUT }, async () => {
    await openInBrowser(file, async (page) => {
      const violated = await page.evaluate(
        () =>
          new Promise<string>((resolve) => {
            document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective));
            const img = document.createElement('img');
            img.src = 'https://example.invalid/pixel.png';
            document.body.append(img);
          }),
      );
      expect(violated).toBe('img-src');
    });
  });

  it('replaces only a failing chart with its error text', { timeout: TIMEOUT }, async () => {
    await openInBrowser(
      file,
      async (page, log) => {
        await expect.poll(() => page.locator('#chart-rf-heatmap .chart-error').textContent()).toContain('boom');
        await page.locator('#chart-segments svg').first().waitFor();
        // the table under the failed chart is still there (folded), and opens
        await page.locator('#rf details.more > summary').click();
        expect(await page.locator('#rf table.grid').isVisible()).toBe(true);
        expect(log.pageErrors).toEqual([]);
      },
      { beforeLoad: (page) => page.addInitScript(failHeatmapEmbed) },
    );
  });
});

/** Runs in the page: wraps vegaEmbed when the library defines it, so the heatmap's embed rejects. */
function failHeatmapEmbed(): void {
  type Embed = (el: { id: string }, spec: unknown, opts: unknown) => Promise<unknown>;
  let real: Embed | undefined;
  Object.defineProperty(globalThis, 'vegaEmbed', {
    configurable: true,
    set: (v: Embed) => (real = v),
    get: () =>
      real &&
      ((el: { id: string }, spec: unknown, opts: unknown) =>
        el.id === 'chart-rf-heatmap' ? Promise.reject(new Error('boom')) : real!(el, spec, opts)),
  });
}
