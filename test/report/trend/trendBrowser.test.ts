import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { analyze } from '../../../src/analyze/analyze.js';
import { loadFiles } from '../../../src/load/loadFiles.js';
import { readMapping } from '../../../src/load/mapping.js';
import { writeReport } from '../../../src/report/writeReport.js';
import { withDatabase } from '../../../src/store/database.js';
import { KPI_VALENCE, toneOf } from '../../../src/report/valence.js';
import { describeBrowser, openInBrowser } from '../../helpers/browser.js';
import { rows } from '../../helpers/db.js';

const TIMEOUT = 90_000;
/** The stylesheet's colours (src/report/html/styles.ts): --up, --down, --muted. */
const TONE_COLOUR = { good: 'rgb(4, 120, 87)', bad: 'rgb(185, 28, 28)', neutral: 'rgb(75, 85, 99)' };

// The real pipeline on the sample data: two weekly runs, a report for each, the index.
let dir: string;
let report: string;
let weeks: Record<string, unknown>[];
let runKpis: Record<string, unknown>[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'crm-trend-'));
  await withDatabase(join(dir, 'crm.duckdb'), {}, async (conn) => {
    await loadFiles(conn, ['fixtures/sample/transactions.csv'], { mapping: readMapping('fixtures/sample/mapping.json'), mappingSource: 'mapping.json' });
    await writeReport(conn, (await analyze(conn, { asOf: '2024-12-22' })).runId, join(dir, 'reports'));
    const { runId } = await analyze(conn, { asOf: '2024-12-29' });
    report = await writeReport(conn, runId, join(dir, 'reports'));
    weeks = await rows(conn, `SELECT week_end::VARCHAR AS week_end, net_revenue, orders, active_customers FROM weekly_trend WHERE run_id = ${runId} ORDER BY week_end DESC`);
    runKpis = await rows(conn, `SELECT run_id, value FROM kpis WHERE kpi = 'revenue' ORDER BY run_id`);
  });
}, TIMEOUT);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeBrowser('trend and key figures in Chromium (sample data, two runs)', () => {
  it('colours each tile by its KPI’s valence, not by its arrow', { timeout: TIMEOUT }, async () => {
    await openInBrowser(report, async (page) => {
      const tiles = await page.locator('#kpis li.kpi').evaluateAll((els) =>
        els.map((el) => {
          const delta = el.querySelector('.delta')!;
          return { key: el.getAttribute('data-kpi')!, tone: el.getAttribute('data-tone')!, arrow: delta.querySelector('.arrow')?.textContent ?? null, colour: getComputedStyle(delta).color, text: delta.textContent! };
        }),
      );
      expect(tiles.length).toBeGreaterThanOrEqual(9);
      let coloured = 0;
      for (const tile of tiles) {
        if (tile.arrow === null) continue;
        const direction = tile.arrow === '▲' ? 'up' : tile.arrow === '▼' ? 'down' : 'flat';
        const expected = toneOf(KPI_VALENCE[tile.key] ?? 'neutral', direction);
        expect(tile.tone, tile.key).toBe(expected);
        expect(tile.colour, tile.key).toBe(TONE_COLOUR[expected]);
        expect(tile.text, tile.key).not.toMatch(/−0\.0|-0\.0/);
        if (expected !== 'neutral') coloured++;
      }
      expect(coloured).toBeGreaterThanOrEqual(3);
      // the windows are named on the tiles
      const labels = await page.locator('#kpis .label').allTextContents();
      expect(labels).toEqual(expect.arrayContaining(['Net revenue (last 28 days)', 'Won back (last 90 days)', 'Newly lapsed (since the previous run)', 'Customers (to date)']));
      // sparklines: inline SVG, one polyline, the last point marked, numbers in the label
      const spark = page.locator('#kpis li[data-kpi="orders"] svg.spark');
      expect(await spark.locator('polyline').count()).toBe(1);
      expect(await spark.locator('circle').count()).toBe(1);
      const ordersPerWeek = weeks.map((w) => Number(w['orders'])).reverse().map((n) => n.toLocaleString('en-US')).join(', ');
      expect(await spark.getAttribute('aria-label')).toContain(ordersPerWeek);
    });
  });

  it('draws the weekly trend from the weekly_trend rows, the latest week marked, the table under it', { timeout: TIMEOUT }, async () => {
    await openInBrowser(report, async (page, log) => {
      for (const chart of await page.locator('#trend [data-chart]').all()) await chart.locator('svg').first().waitFor();
      expect(log.pageErrors).toEqual([]);
      expect(weeks.length).toBe(52); // the sample spans two years
      // the table is collapsed under the chart, and holds the stored numbers
      const details = page.locator('#trend details');
      expect(await details.getAttribute('open')).toBeNull();
      await details.locator('summary').click();
      const body = await page.locator('#trend table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())));
      expect(body).toHaveLength(weeks.length);
      expect(body[0]![0]).toContain('2024-12-29');
      expect(body[0]![0]).toContain('(latest week)');
      body.forEach((cells, i) => {
        expect(cells[0]).toContain(String(weeks[i]!['week_end']));
        expect(cells[2]).toBe(Number(weeks[i]!['orders']).toLocaleString('en-US'));
        expect(cells[3]).toBe(Number(weeks[i]!['active_customers']).toLocaleString('en-US'));
      });
      // the charts' own marks: a chart per measure, a point per week (AOV only where a week has orders), one dashed rule each
      const orderless = weeks.filter((w) => Number(w['orders']) === 0).length;
      const points = await page.locator('#trend .trend-grid svg g.mark-symbol path').count();
      expect(points).toBe(6 * weeks.length - orderless);
      const dashed = await page.locator('#trend .trend-grid svg g.mark-rule:not(.role-axis-grid):not(.role-axis-tick):not(.role-axis-domain) line').evaluateAll((ls) => ls.map((l) => l.getAttribute('stroke-dasharray')));
      expect(dashed).toEqual(Array(6).fill('4,3'));
      // the orders chart's points carry the stored values, the latest week's among them
      const labels = await page.locator('#chart-trend-orders svg g.mark-symbol path').evaluateAll((ps) => ps.map((p) => p.getAttribute('aria-label') ?? ''));
      expect(labels).toHaveLength(weeks.length);
      const latest = labels.find((l) => l.includes('2024-12-23 – 2024-12-29'));
      expect(latest).toContain(`Orders: ${Number(weeks[0]!['orders']).toLocaleString('en-US')}`);
    });
  });

  it('shows the trend across runs on reports/index.html and links each report', { timeout: TIMEOUT }, async () => {
    await openInBrowser(join(dir, 'reports', 'index.html'), async (page) => {
      const trs = await page.locator('#across-runs tbody tr').evaluateAll((els) => els.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())));
      expect(trs.map((r) => r[0])).toEqual(['2024-12-22', '2024-12-29']);
      // the stored net revenue, in whatever currency format the run has (the sample declares none: plain numbers)
      trs.forEach((r, i) => expect(r[2]!.replace(/[^0-9.]/g, '')).toBe(String(Math.round(Number(runKpis[i]!['value'])))));
      expect(await page.locator('#across-runs svg[role="img"]').count()).toBe(2);
      expect(await page.locator('#across-runs svg polyline').count()).toBe(2);
      await page.locator('#across-runs a').last().click();
      await page.waitForURL(/2024-12-29\/report\.html$/);
      expect(await page.locator('h1').textContent()).toBe('Customer report');
    });
  });
});

