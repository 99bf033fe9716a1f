import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPipeline } from '../../src/pipeline/loadPipeline.js';
import { runPipeline } from '../../src/pipeline/runPipeline.js';
import { loadFiles } from '../../src/load/loadFiles.js';
import { readReportData } from '../../src/report/readReportData.js';
import { rows, withTempDb } from '../helpers/db.js';

/** A New York shop's pipeline over the naive export, its mapping naming no zone. */
async function nyShop(dir: string, timezone?: string) {
  copyFileSync('fixtures/timezone/naive-local.csv', join(dir, 'orders.csv'));
  const mapping = JSON.parse(readFileSync('fixtures/timezone/naive-local.json', 'utf8')) as Record<string, unknown>;
  delete mapping['timezone'];
  writeFileSync(join(dir, 'mapping.json'), JSON.stringify(mapping));
  const path = join(dir, 'shop.json');
  writeFileSync(path, JSON.stringify({
    name: 'shop', schedule: { cron: '0 6 * * 1' }, ...(timezone ? { timezone } : {}),
    inputs: { files: ['orders.csv'], mapping: 'mapping.json' }, asOf: 'latest-order', outputs: { reportsDir: 'reports' },
  }));
  return loadPipeline(path);
}

describe('a pipeline with a timezone', () => {
  it('reads naive order dates in it, analyses its local days and reports them', async () => {
    await withTempDb(async (conn, dir) => {
      const p = await nyShop(dir, 'America/New_York');
      expect(p.schedule.timezone).toBe('America/New_York'); // the cron's clock follows the business
      const r = await runPipeline(conn, p);
      // the last order, 20:30 on 11 March in New York, is 00:30 on the 12th in UTC
      expect(r.analysis.asOf).toBe('2024-03-11');
      expect(await rows(conn, `SELECT strftime(max(order_date), '%Y-%m-%d %H:%M:%S') AS utc FROM transactions`)).toEqual([{ utc: '2024-03-12 00:30:00' }]);
      expect(await rows(conn, `SELECT mapping->>'$.timezone' AS tz FROM loads`)).toEqual([{ tz: 'America/New_York' }]);
      const data = await readReportData(conn, r.runId);
      expect(data.run.timezone).toBe('America/New_York');
      expect(data.window).toMatchObject({ firstOrderDate: '2024-03-01', lastOrderDate: '2024-03-11', transactions: 8, customers: 5 });
      const html = readFileSync(r.reportPath, 'utf8');
      expect(html).toContain('<dd class="timezone">America/New_York (local calendar days; order times are stored in UTC)</dd>');
    });
  });

  it('without one, reads and counts in UTC as before', async () => {
    await withTempDb(async (conn, dir) => {
      const r = await runPipeline(conn, await nyShop(dir));
      // the naive times are taken as UTC: 20:30 on 11 March is the latest order, on the 11th
      expect(r.analysis.asOf).toBe('2024-03-11');
      expect(await rows(conn, `SELECT strftime(max(order_date), '%Y-%m-%d %H:%M:%S') AS utc FROM transactions`)).toEqual([{ utc: '2024-03-11 20:30:00' }]);
      expect(await rows(conn, `SELECT mapping->>'$.timezone' AS tz FROM loads`)).toEqual([{ tz: null }]);
      expect((await readReportData(conn, r.runId)).run.timezone).toBe('UTC');
    });
  });
});

describe('a preset that names its zone', () => {
  it('keeps Stripe\'s Created (UTC) as UTC when the load\'s default zone is New York', async () => {
    await withTempDb(async (conn) => {
      const s = await loadFiles(conn, ['fixtures/shop/stripe-payments.csv'], { mapping: { columns: {} }, mappingSource: 'detected', timezone: 'America/New_York' });
      expect(s.files[0]!.detected['preset']).toMatch(/^stripe/);
      expect(s.files[0]!.detected['timezone']).toBe('UTC (no offset in the values); stored as written');
      expect(await rows(conn, `SELECT strftime(order_date, '%Y-%m-%d %H:%M') AS utc FROM transactions WHERE order_id = 'ch_3P0001'`)).toEqual([{ utc: '2024-05-01 10:00' }]);
    });
  });
});
