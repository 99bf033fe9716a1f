import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/report/escape.js';
import { describeBrowser, openInBrowser } from '../helpers/browser.js';
import { crm } from '../helpers/cli.js';

/** Customer ids in fixtures/report/hostile-ids.csv that would run as script or as a spreadsheet formula. */
const SCRIPT = '<script>alert(1)</script>';
const ATTR_BREAK = '"><img src=x onerror=alert(1)>';
const TIMEOUT = 60_000;

// The real pipeline, through the command line: load the fixture, analyze, report (en and zh-CN).
let dir: string;
let report: string;
let reportZh: string;
let csvDir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'crm-hostile-'));
  const db = join(dir, 'crm.duckdb');
  const load = await crm('load', 'fixtures/report/hostile-ids.csv', '--mapping', 'fixtures/report/hostile-ids.json', '--db', db);
  expect(load.code, load.err).toBe(0);
  expect((await crm('analyze', '--db', db)).code).toBe(0);
  const en = await crm('report', '--out', join(dir, 'en'), '--db', db);
  expect(en.code, en.err).toBe(0);
  report = en.out.replace(/^report: /, '').trim();
  csvDir = join(report, '..');
  const zh = await crm('report', '--out', join(dir, 'zh'), '--locale', 'zh-CN', '--db', db);
  expect(zh.code, zh.err).toBe(0);
  reportZh = zh.out.replace(/^report: /, '').trim();
}, TIMEOUT);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hostile customer ids through the real pipeline', () => {
  it('reach the page only escaped', () => {
    for (const page of [readFileSync(report, 'utf8'), readFileSync(reportZh, 'utf8')]) {
      for (const id of [SCRIPT, ATTR_BREAK]) expect(page).not.toContain(id);
      expect(page).toContain(`<td>${escapeHtml(SCRIPT)}</td>`);
      expect(page).toContain(`<td>${escapeHtml(ATTR_BREAK)}</td>`);
    }
  });

  it('are formula-safe and correctly quoted in the CSV action lists', () => {
    const segments = readFileSync(join(csvDir, 'segments.csv'), 'utf8');
    expect(segments.startsWith('customer_id,segment,state,lifecycle_stage,cluster,cluster_name,cluster_action,cluster_set_aside,clv_12m\r\n')).toBe(true);
    const ids = segments.trimEnd().split('\r\n').slice(1).map((line) => line.match(/^("(?:[^"]|"")*"|[^,]*)/)![1]!);
    expect(ids).toContain(`"'=HYPERLINK(""x"")"`);
    expect(ids).toContain(`'+1`);
    expect(ids).toContain(`'@SUM(A1)`);
    expect(ids).toContain(`'-2+3`);
    expect(ids).toContain(`"""><img src=x onerror=alert(1)>"`);
    expect(ids).toContain(SCRIPT); // no formula, no quote: plain text for a spreadsheet
    expect(ids).toHaveLength(46);
    for (const file of ['worth-saving.csv', 'win-back.csv']) {
      const text = readFileSync(join(csvDir, file), 'utf8');
      expect(text).not.toMatch(/(^|\r\n|,)[=+\-@]/); // no cell starts a formula
    }
    expect(readFileSync(join(csvDir, 'win-back.csv'), 'utf8')).toContain(`"""><img src=x onerror=alert(1)>",lapsing,`);
  });

  it('links the action lists from the report', () => {
    const page = readFileSync(report, 'utf8');
    for (const f of ['worth-saving.csv', 'win-back.csv', 'segments.csv']) expect(page).toContain(`href="${f}" download`);
  });
});

describeBrowser('hostile customer ids in Chromium', () => {
  for (const [name, file] of [['en', () => report], ['zh-CN', () => reportZh]] as const) {
    it(`show as text and never run (${name})`, { timeout: TIMEOUT }, async () => {
      await openInBrowser(file(), async (page, log) => {
        for (const chart of await page.locator('[data-chart]').all()) await chart.locator('svg').first().waitFor();
        await expect.poll(() => page.getByRole('cell', { name: SCRIPT, exact: true }).first().isVisible()).toBe(true);
        await expect.poll(() => page.getByRole('cell', { name: ATTR_BREAK, exact: true }).first().isVisible()).toBe(true);
        expect(await page.locator('img').count()).toBe(0);
        expect(await page.locator('main script').count()).toBe(0);
        expect(log.dialogs).toEqual([]);
        expect(log.consoleErrors).toEqual([]);
        expect(log.pageErrors).toEqual([]);
        expect(new Set(log.requests)).toEqual(new Set([pathToFileURL(file()).href]));
      });
    });
  }
});
