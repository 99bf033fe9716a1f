import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/runPipeline.js';
import { validatePipeline } from '../../src/pipeline/validatePipeline.js';
import { packageRoot } from '../../src/util/paths.js';
import { describeBrowser, openInBrowser } from '../helpers/browser.js';
import { withTempDb } from '../helpers/db.js';
import { startSmtp } from './servers.js';

describeBrowser('the received email in Chromium', () => {
  it.each(['en', 'zh-CN'])('%s: shows the highlights, coloured KPI tiles and the trend image, with no script and no request outside the message', async (locale) => {
    const smtp = await startSmtp();
    try {
      await withTempDb(async (conn, dir) => {
        const p = validatePipeline({
          name: 'weekly', schedule: { cron: '0 6 * * 1' }, locale,
          inputs: { files: ['fixtures/sample/transactions.csv'], mapping: 'fixtures/sample/mapping.json' },
          delivery: { email: { to: ['ops@example.com'], from: 'crm@example.com', smtp: { host: '127.0.0.1', port: smtp.port, tls: 'none' } } },
        }, 'test.json');
        await runPipeline(conn, { ...p, baseDir: packageRoot() }, { asOf: '2024-06-30', outDir: join(dir, 'reports') });
        const { mail } = smtp.received[0]!;
        // a mail client resolves cid: to the message's own part; here the part is written beside the page
        const png = mail.attachments.find((a) => a.cid === 'trend@crm')!;
        writeFileSync(join(dir, 'trend.png'), png.content);
        const page = join(dir, 'email.html');
        writeFileSync(page, String(mail.html).replace('cid:trend@crm', 'trend.png'));
        await openInBrowser(page, async (pg, log) => {
          await pg.setViewportSize({ width: 700, height: 1000 });
          expect(await pg.locator('script').count()).toBe(0);
          expect(await pg.locator('#highlights li').count()).toBeGreaterThan(0);
          expect(await pg.locator('html').getAttribute('lang')).toBe(locale);
          expect(await pg.locator('h1').textContent()).toContain(locale === 'en' ? 'Customer report' : '客户报告');
          const width = await pg.locator('#trend').evaluate((img) => (img as HTMLImageElement).naturalWidth);
          expect(width).toBe(1120);
          const colours = await pg.locator('#kpis td').evaluateAll((tds) => tds.map((td) => [td.getAttribute('data-tone'), getComputedStyle(td.lastElementChild!).color]));
          for (const [tone, colour] of colours) {
            if (tone === 'good') expect(colour).toBe('rgb(4, 120, 87)');
            if (tone === 'bad') expect(colour).toBe('rgb(185, 28, 28)');
          }
          expect(colours.some(([tone]) => tone === 'good' || tone === 'bad')).toBe(true);
          expect(log.requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
          expect(log.pageErrors).toEqual([]);
          await pg.screenshot({ path: join(process.env['CRM_SCREENSHOT_DIR'] ?? dir, `delivery-email-${locale}.png`), fullPage: true });
        });
      });
    } finally {
      await smtp.close();
    }
  });
});
