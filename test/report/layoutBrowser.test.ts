import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { crm } from '../helpers/cli.js';
import { describeBrowser, openInBrowser } from '../helpers/browser.js';

const TIMEOUT = 90_000;

/**
 * Words a Chinese report may show in Latin letters: model and metric names, units, file types,
 * and data (the pipeline's name, file names). Everything else in Latin letters is an untranslated
 * label.
 */
const ALLOWED = new Set(['RFM', 'CLV', 'CSV', 'MBG', 'NBD', 'Pareto', 'Pareto/NBD', 'Gamma-Gamma', 'k-means', 'AUC', 'RMSE', 'UTC', 'ISO', 'JavaScript', 'weekly']);

/** What the reader types, quoted in a sentence: JSON snippets, crm commands, pipeline file paths. */
const TYPED = [/"[^"]*"/g, /\bcrm [a-z-]+(?: [a-z][\w-]*)?(?: --?[a-z-]+(?: [A-Z0-9-]+)?)*/g, /\b[\w-]+\/[\w./-]+\.json\b/g];

/** Runs in the page: every visible text node's words of 3+ Latin letters, with where they sit. */
function englishWords(typed: string[]): { word: string; where: string }[] {
  const out: { word: string; where: string }[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement!;
    // data: customer ids and file names, and code the reader types (churn reasons are rendered in
    // the report's language, so they are checked like every other text)
    if (el.closest('script, style, noscript, code, .path, a.file, [data-raw]')) continue;
    const cell = el.closest('td');
    if (cell && cell.cellIndex === 0 && /^C\d+$/.test(cell.textContent!.trim())) continue;
    const said = typed.reduce((s, re) => s.replace(new RegExp(re, 'g'), ' '), n.textContent!);
    for (const word of (said.match(/[A-Za-z](?:[A-Za-z-]*[A-Za-z])?/g) ?? []).filter((w) => w.replace(/-/g, '').length >= 3)) {
      out.push({ word, where: `${el.closest('section, header, nav, footer, div')?.id ?? ''} ${el.tagName}: ${n.textContent!.trim().slice(0, 80)}` });
    }
  }
  return out;
}

async function openAll(page: Page): Promise<void> {
  await page.locator('[data-chart] svg').first().waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll('[data-chart]')].every((c) => c.querySelector('svg, .chart-error')));
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
}

describeBrowser('the sample report in Chromium (layout, language)', () => {
  let dir: string;
  const report = (locale: string): string => join(dir, locale, '2024-12-29', 'report.html');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-layout-'));
    const db = join(dir, 'crm.duckdb');
    expect((await crm('load', 'fixtures/sample/transactions.csv', '--mapping', 'fixtures/sample/mapping.json', '--db', db)).code).toBe(0);
    // two runs, so movement and state flows (matrices, move tables) are in the report too
    expect((await crm('analyze', '--as-of', '2024-12-22', '--db', db)).code).toBe(0);
    expect((await crm('analyze', '--as-of', '2024-12-29', '--db', db)).code).toBe(0);
    for (const locale of ['en', 'zh-CN']) {
      const r = await crm('report', '--locale', locale, '--out', join(dir, locale), '--db', db);
      expect(r.code, r.err).toBe(0);
    }
  }, TIMEOUT);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('zh-CN: no English UI words outside data', { timeout: TIMEOUT }, async () => {
    await openInBrowser(report('zh-CN'), async (page) => {
      await openAll(page);
      const words = (await page.evaluate(englishWords, TYPED.map((re) => re.source))).filter((w) => !ALLOWED.has(w.word));
      // one line per place, so a failure names what to translate
      expect([...new Set(words.map((w) => w.where))]).toEqual([]);
    });
  });

  it.each(['en', 'zh-CN'])('%s: fits a 390 px phone: no page overflow, charts in their box, table rows of a readable height', { timeout: TIMEOUT }, async (locale) => {
    const phone = { beforeLoad: (page: Page) => page.setViewportSize({ width: 390, height: 844 }) };
    await openInBrowser(report(locale), async (page) => {
      await openAll(page);
      await page.screenshot({ path: join(dir, `phone-${locale}.png`) });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const charts = await page.evaluate(() =>
        [...document.querySelectorAll('[data-chart]')].map((c) => ({ id: c.id, box: c.clientWidth, svg: c.querySelector('svg')?.getBoundingClientRect().width ?? 0 })),
      );
      // all but the charts with a column per value (months, segments) fit their box
      for (const c of charts.filter((x) => !['chart-cohorts', 'chart-segment-moves', 'chart-state-moves'].includes(x.id))) {
        expect(c.svg, c.id).toBeLessThanOrEqual(c.box + 1);
        expect(c.svg, c.id).toBeGreaterThan(c.box * 0.6);
      }
      const tallest = await page.evaluate(() => Math.max(...[...document.querySelectorAll('#churn tbody tr')].map((r) => r.getBoundingClientRect().height)));
      expect(tallest).toBeLessThan(100); // four lines of text; it was ~280 px when the table squeezed into the phone
    }, phone);
  });

  it.each(['en', 'zh-CN'])('%s: keeps the cohort table within the page at 1400 px', { timeout: TIMEOUT }, async (locale) => {
    await openInBrowser(report(locale), async (page) => {
      await openAll(page);
      const box = await page.evaluate(() => {
        const wrap = document.querySelector('table.cohorts')!.closest('.table-wrap')!;
        return { scroll: wrap.scrollWidth, client: wrap.clientWidth };
      });
      expect(box.scroll).toBeLessThanOrEqual(box.client);
    }, { beforeLoad: (page) => page.setViewportSize({ width: 1400, height: 900 }) });
  });

  it('starts with the summary, then a table of contents linking every section', { timeout: TIMEOUT }, async () => {
    await openInBrowser(report('en'), async (page) => {
      const order = await page.evaluate(() => [...document.querySelectorAll('main > *')].map((e) => e.id || e.tagName));
      expect(order.slice(0, 2)).toEqual(['summary', 'contents']);
      const summary = await page.evaluate(() => [...document.querySelectorAll('#summary > header, #summary > section')].map((e) => e.id || e.tagName));
      expect(summary).toEqual(['HEADER', 'highlights', 'kpis', 'trend', 'actions']);
      expect(await page.locator('#actions').textContent()).toContain('What to do this week');
      expect(await page.locator('#actions a[href$=".csv"]').count()).toBe(3);
      const links = await page.evaluate(() => [...document.querySelectorAll('#contents a')].map((a) => a.getAttribute('href')));
      const sections = await page.evaluate(() => [...document.querySelectorAll('main > section[id]')].map((s) => `#${s.id}`));
      expect(links).toEqual(sections);
      expect(sections).toEqual(expect.arrayContaining(['#segments', '#rf', '#clusters', '#movement', '#cohorts', '#churn', '#clv', '#quality', '#methods']));
    });
  });

  it('folds the tables under their charts on screen and prints them open', { timeout: TIMEOUT }, async () => {
    await openInBrowser(report('en'), async (page) => {
      const folded = page.locator('details.more table.cohorts');
      expect(await folded.count()).toBe(1); // in the page without JavaScript, for search and tests
      expect(await folded.isVisible()).toBe(false);
      await page.emulateMedia({ media: 'print' });
      expect(await folded.isVisible()).toBe(true);
      expect(await page.locator('details.more > summary').first().isVisible()).toBe(false);
    });
  });

  it.each(['en', 'zh-CN'])('%s: no negative zero, singular counts, file names and local dates in the loads table', { timeout: TIMEOUT }, async (locale) => {
    await openInBrowser(report(locale), async (page) => {
      await openAll(page);
      const text = await page.evaluate(() => document.body.innerText);
      expect(text).not.toMatch(/(^|[^\d])[-−][^\d]?0(\.0+)?(?![\d.,])/m);
      expect(text).not.toMatch(/(^|[^\d,.])1 (customers|days|rows|orders|transactions|iterations)\b/);
      const file = await page.locator('#quality tbody tr').first().locator('td').nth(1).textContent();
      expect(file).toBe('transactions.csv');
      const loadedAt = await page.locator('#quality tbody tr').first().locator('td').nth(2).textContent();
      expect(loadedAt).not.toMatch(/\d{2}:\d{2}:\d{2}/);
      expect(loadedAt).toMatch(locale === 'en' ? /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{2}:\d{2}$/ : /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    });
  });

  it('explains the empty F 2 row next to the heatmap, and ends the value-concentration axis at 100%', { timeout: TIMEOUT }, async () => {
    await openInBrowser(report('en'), async (page) => {
      await openAll(page);
      expect(await page.locator('#rf .empty-scores').textContent()).toContain('Why F 2 is empty');
      const labels = await page.locator('#chart-pareto svg text').allTextContents();
      expect(labels).toContain('100%');
      expect(labels).not.toContain('110%');
    });
  });
});
