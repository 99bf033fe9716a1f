import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportText } from '../../src/report/i18n/index.js';
import { describeBrowser, openInBrowser } from '../helpers/browser.js';
import { crm } from '../helpers/cli.js';
import { writeText } from '../helpers/db.js';

// fixtures/house/marketplace.csv through the command line. By hand: the operator holds 120 of the
// 200 orders with a customer and 3,600 of their 7,600 net; 5 orders with no customer id hold 400,
// so 400 of 8,000 = 5% of the revenue loaded came from orders with no customer.
const MARKET = 'orders@marketplace.example';
const TIMEOUT = 90_000;
const SHOTS = process.env.CRM_SCREENSHOTS; // a folder to keep screenshots in, to look at

let dir: string;
const reports: Record<string, string> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'crm-house-'));
  const db = join(dir, 'crm.duckdb');
  const mapping = writeText(dir, 'm.json', JSON.stringify({ columns: { customer_id: 'Customer ID', order_id: 'Order Number', order_date: 'Order Date', amount: 'Total' } }));
  expect((await crm('load', 'fixtures/house/marketplace.csv', '--mapping', mapping, '--currency', 'GBP', '--db', db)).code).toBe(0);
  const a = await crm('analyze', '--db', db);
  expect(a.code, a.err).toBe(0);
  for (const locale of ['en', 'zh-CN']) {
    const r = await crm('report', '--out', join(dir, locale), '--locale', locale, '--db', db);
    expect(r.code, r.err).toBe(0);
    reports[locale] = r.out.replace(/^report: /, '').trim();
  }
}, TIMEOUT);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The report's text with tags removed and spaces collapsed, as a reader sees it. */
const text = (file: string): string => readFileSync(file, 'utf8').replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, ' ');

describe('house accounts and no-customer revenue in the report', () => {
  it('states the house account, its shares, that it is left out of the models, and the no-customer share (en)', () => {
    const { fmt } = reportText('en', 'GBP');
    const s = text(reports['en']!);
    expect(s).toContain(`House account, a marketplace or wholesale id rather than a customer: ${MARKET} (${fmt.pct(0.6)} of orders, ${fmt.pct(3600 / 7600)} of revenue). Left out of the churn and CLV models and of the call lists.`);
    expect(s).toContain('1 customer id holds an implausible share of the orders or revenue analysed');
    expect(s).toContain(`${MARKET} 120 ${fmt.pct(0.6)} ${fmt.money(3600)} ${fmt.pct(3600 / 7600)} shares of orders and revenue far beyond any other customer`);
    expect(s).toContain('Left out of the churn and CLV model fits and the clusters, of the worth-saving and win-back lists and of the top customers');
    expect(s).toContain(`${fmt.pct(0.05)} of revenue came from orders with no customer id (${fmt.money(400)} of ${fmt.money(8000)} in the loaded files, net of refunds, in the report's currency).`);
  });

  it('says the same in Chinese (zh-CN)', () => {
    const { fmt } = reportText('zh-CN', 'GBP');
    const s = text(reports['zh-CN']!);
    expect(s).toContain(`渠道或批发账户（平台或批发商的编号，而非真正的客户）：${MARKET}（订单占比 ${fmt.pct(0.6)}，收入占比 ${fmt.pct(3600 / 7600)}）。不参与流失与客户终身价值模型，且不出现在联系名单中。`);
    expect(s).toContain('1 个客户编号占了所分析订单或收入中不合常理的份额');
    expect(s).toContain(`${fmt.pct(0.05)} 的收入来自没有客户编号的订单（导入文件中共 ${fmt.money(8000)}，其中 ${fmt.money(400)}；已扣除退款，按本报告的币种计）。`);
    expect(s).toContain('渠道/批发账户'); // its segment, translated
    expect(s).not.toContain('House account');
  });
});

describeBrowser('house accounts in Chromium', () => {
  for (const [locale, width] of [['en', 1280], ['en', 390], ['zh-CN', 390]] as const) {
    it(`shows the house-account table and note without overflow (${locale}, ${width} px)`, async () => {
      await openInBrowser(reports[locale]!, async (page, log) => {
        await page.setViewportSize({ width, height: 900 });
        const table = page.locator('#quality table').first();
        await table.scrollIntoViewIfNeeded();
        expect(await table.isVisible()).toBe(true);
        expect(await page.locator('.house-note').isVisible()).toBe(true);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        expect(log.pageErrors).toEqual([]);
        if (SHOTS) {
          await page.locator('.house-note').screenshot({ path: join(SHOTS, `house-note-${locale}-${width}.png`) });
          await page.locator('#quality').screenshot({ path: join(SHOTS, `house-quality-${locale}-${width}.png`) });
        }
      });
    }, TIMEOUT);
  }
});
