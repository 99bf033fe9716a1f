import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { runBacktest } from '../../src/backtest/runBacktest.js';
import { readReportData, type ReportData } from '../../src/report/readReportData.js';
import { renderHtml } from '../../src/report/renderHtml.js';
import { withDatabase } from '../../src/store/database.js';
import { describeBrowser, openInBrowser } from '../helpers/browser.js';
import { crm } from '../helpers/cli.js';
import { withTempDir } from '../helpers/db.js';

const TIMEOUT = 120_000;
const CHARTS = ['chart-evidence-frequency', 'chart-evidence-tracking', 'chart-evidence-reliability'];
/** Screenshots are kept here for a person to look at (not committed). */
const SHOTS = process.env.CRM_SHOTS_DIR ?? join(process.cwd(), 'reports', 'screenshots');

let data: ReportData;

beforeAll(async () => {
  await withTempDir(async (dir) => {
    const db = join(dir, 'crm.duckdb');
    const load = await crm('load', 'fixtures/cdnow/CDNOW_sample.txt', '--mapping', 'fixtures/cdnow/mapping-sample.json', '--db', db);
    expect(load.code, load.err).toBe(0);
    await withDatabase(db, {}, async (conn) => {
      await runBacktest(conn, { calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30' });
      const run = await analyze(conn, { asOf: '1998-06-30' });
      data = await readReportData(conn, run.runId);
    });
  });
}, TIMEOUT);

describe('model selection and evidence in the report (CDNOW sample as of 1998-06-30)', () => {
  it('reads the choice, the candidates and the evidence of the run', () => {
    const s = data.models!.selection!;
    expect(s.setting).toBe('auto');
    expect(s.candidates.map((c) => c.model).sort()).toEqual(['bgnbd', 'mbgnbd', 'pnbd']);
    expect(s.candidates.find((c) => c.model === s.chosen)).toBeDefined();
    expect(s.evidence!.byFrequency).toHaveLength(8);
    expect(s.evidence!.tracking.at(-1)!.day).toBe(s.holdoutDays);
    // tracking's last point is the holdout's actual total, the same purchase days the candidates were scored on
    const chosen = s.candidates.find((c) => c.model === s.chosen)!;
    expect(s.evidence!.tracking.at(-1)!.actual).toBe(chosen.actualPurchases);
    expect(Math.abs(s.evidence!.tracking.at(-1)!.expected - chosen.expectedPurchases!)).toBeLessThan(1e-6 * chosen.expectedPurchases!);
    expect(s.spendCorrelation).not.toBeNull();
    expect(Math.abs(s.spendCorrelation!)).toBeLessThan(0.3);
  });

  it('renders the rule, the outcome, the candidates table and three chart slots, in English and Chinese', () => {
    const en = renderHtml(data);
    expect(en).toContain('How the model was chosen');
    const chosen = { bgnbd: 'BG/NBD', mbgnbd: 'MBG/NBD', pnbd: 'Pareto/NBD' }[data.models!.selection!.chosen!]!;
    expect(en).toMatch(new RegExp(`Outcome: the ${chosen.replace('/', '\\/')} ranks customers (best|as well)`));
    for (const id of CHARTS) expect(en).toContain(`id="${id}"`);
    expect(en).toMatch(/Spend check: the correlation .* is 0\.\d\d\./);
    // the backtest's churn probability reliability, in the backtest table
    expect(data.models!.backtest!.brier).toBeGreaterThan(0);
    expect(en).toContain('Brier score, churn risk');
    expect(en).toContain('Calibration error, churn risk');
    const zh = renderHtml(data, { locale: 'zh-CN' });
    expect(zh).toContain('Brier 分数，流失风险');
    expect(zh).toContain('模型是如何选出的');
    expect(zh).toContain('流失概率的可靠性');
    expect(zh).toMatch(/结果：\s?(MBG|Pareto|BG)\/NBD (在验证期对客户的排序最好|与)/);
    for (const id of CHARTS) expect(zh).toContain(`id="${id}"`);
  });
});

describeBrowser('the evidence charts in Chromium', () => {
  it('draws all three at desktop width and at 390 px, with no errors', { timeout: TIMEOUT }, async () => {
    mkdirSync(SHOTS, { recursive: true });
    for (const locale of ['en', 'zh-CN'] as const) {
      const file = join(SHOTS, `models-${locale}.html`);
      writeFileSync(file, renderHtml(data, { locale }));
      await openInBrowser(file, async (page, log) => {
        for (const width of [1280, 390]) {
          await page.setViewportSize({ width, height: 900 });
          for (const id of CHARTS) {
            const svg = page.locator(`#${id} svg`).first();
            await svg.waitFor();
            const box = await svg.boundingBox();
            expect(box!.width, `${id} at ${width}px`).toBeGreaterThan(200);
            expect(box!.width, `${id} fits ${width}px`).toBeLessThanOrEqual(width);
            // two lines (actual, expected) or the reliability points: something was drawn
            expect(await page.locator(`#${id} svg path`).count()).toBeGreaterThan(2);
          }
          await page.waitForTimeout(300); // vega redraws on resize
          await page.locator('#models').screenshot({ path: join(SHOTS, `models-${locale}-${width}.png`) });
        }
        expect(log.consoleErrors).toEqual([]);
        expect(log.pageErrors).toEqual([]);
      });
    }
  });
});
