import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverySummary } from '../../src/delivery/summary.js';
import { runPipeline } from '../../src/pipeline/runPipeline.js';
import { validatePipeline } from '../../src/pipeline/validatePipeline.js';
import { readReportData } from '../../src/report/readReportData.js';
import { packageRoot } from '../../src/util/paths.js';
import { rows, withTempDb } from '../helpers/db.js';
import { closedPort, startSmtp, startWebhook, type TestSmtp, type TestWebhook } from './servers.js';

const ENV = { CRM_TEST_SMTP_PASSWORD: 's3cret' };
const fast = async (): Promise<void> => undefined;

function pipeline(smtpPort: number, webhookUrl: string, extra: Record<string, unknown> = {}, locale = 'en') {
  const p = validatePipeline({
    name: 'weekly', schedule: { cron: '0 6 * * 1' }, locale,
    inputs: { files: ['fixtures/sample/transactions.csv'], mapping: 'fixtures/sample/mapping.json' },
    delivery: {
      email: {
        to: ['ops@example.com', 'Ana Li <ana@example.com>'], from: 'CRM reports <crm@example.com>',
        smtp: { host: '127.0.0.1', port: smtpPort, tls: 'none', user: 'crm', passwordEnv: 'CRM_TEST_SMTP_PASSWORD' },
      },
      chat: { webhookUrl },
      reportUrl: 'https://intranet.example.com/reports',
      retry: { attempts: 3, backoffMs: 1 },
      ...extra,
    },
  }, 'test.json');
  return { ...p, baseDir: packageRoot() };
}

describe('delivery through a real SMTP server and webhook on loopback', () => {
  let smtp: TestSmtp;
  let hook: TestWebhook;
  beforeAll(async () => {
    smtp = await startSmtp({ refuse: 2, user: 'crm', pass: ENV.CRM_TEST_SMTP_PASSWORD });
    hook = await startWebhook({ refuse: 1 });
  });
  afterAll(async () => {
    await smtp.close();
    await hook.close();
  });

  it('sends the email (third attempt) and the chat post, records both, and does not send a re-run week again unless --resend', async () => {
    await withTempDb(async (conn, dir) => {
      const p = pipeline(smtp.port, hook.url);
      const out = join(dir, 'reports');
      const r = await runPipeline(conn, p, { asOf: '2024-06-30', outDir: out, delivery: { env: ENV, wait: fast } });
      expect(r.delivery?.status).toBe('delivered');
      expect(smtp.attempts).toBe(3);
      expect(smtp.received).toHaveLength(1);
      const { mail, envelopeTo } = smtp.received[0]!;

      // headers and recipients
      expect(mail.subject).toBe('Customer report: weekly as of 2024-06-30');
      expect(mail.from?.text).toBe('"CRM reports" <crm@example.com>');
      expect(envelopeTo.sort()).toEqual(['ana@example.com', 'ops@example.com']);
      expect(mail.headers.get('x-crm-run')).toBe(String(r.runId));

      // the numbers are the report's: the same highlights and KPI values, computed the same way
      const s = deliverySummary(await readReportData(conn, r.runId), 'en');
      const report = readFileSync(r.reportPath, 'utf8');
      const html = String(mail.html);
      expect(s.highlights.length).toBeGreaterThan(0);
      for (const h of s.highlights) {
        expect(html).toContain(h.text.replace(/'/g, '&#39;'));
        expect(mail.text).toContain(h.text);
      }
      expect(s.kpis.length).toBeGreaterThan(3);
      for (const k of s.kpis) {
        expect(html).toContain(`data-kpi="${k.key}" data-tone="${k.tone}"`);
        expect(report).toContain(`data-kpi="${k.key}" data-tone="${k.tone}"`);
        expect(report).toContain(k.value);
        expect(mail.text).toContain(`${k.label}: ${k.value}`);
      }
      const customers = s.customers.toLocaleString('en-US');
      expect(mail.text).toContain(`${customers} customers scored`);
      expect(html).not.toMatch(/<script|javascript:|\son\w+=/i);

      // the trend image is an inline PNG the HTML points at
      const cid = /<img id="trend" src="cid:([^"]+)"/.exec(html)?.[1];
      expect(cid).toBe('trend@crm');
      const img = mail.attachments.find((a) => a.cid === cid);
      expect(img?.contentType).toBe('image/png');
      expect(img!.content.subarray(1, 4).toString()).toBe('PNG');
      expect(img!.content.readUInt32BE(16)).toBe(1120); // width from the IHDR chunk: 560 CSS px at 2×

      // report and lists attached, identical to the files written
      const files = mail.attachments.filter((a) => a !== img).map((a) => a.filename).sort();
      expect(files).toEqual(['report.html', 'segments.csv', 'win-back.csv', 'worth-saving.csv']);
      const csv = mail.attachments.find((a) => a.filename === 'worth-saving.csv')!;
      expect(csv.content.toString('utf8')).toBe(readFileSync(join(out, '2024-06-30', 'worth-saving.csv'), 'utf8'));
      expect(html).toContain('href="https://intranet.example.com/reports/2024-06-30/report.html"');

      // chat: one post after one 503, with the highlights, the KPI line and the link
      expect(hook.attempts).toBe(2);
      const post = hook.bodies[0] as { text: string; blocks: { text: { text: string } }[] };
      expect(post.blocks[0]!.text.text).toContain('<https://intranet.example.com/reports/2024-06-30/report.html|');
      for (const h of s.highlights) expect(post.text).toContain(h.text);
      expect(post.text).toContain(`${s.kpis[0]!.label}: ${s.kpis[0]!.value}`);

      const d = await rows(conn, `SELECT channel, audience, recipients, status, message_id, error, attempts FROM deliveries WHERE run_id = ${r.runId} ORDER BY channel`);
      expect(d).toEqual([
        { channel: 'chat', audience: 'all', recipients: new URL(hook.url).host, status: 'sent', message_id: 'HTTP 200', error: null, attempts: 2 },
        { channel: 'email', audience: 'all', recipients: 'ops@example.com, Ana Li <ana@example.com>', status: 'sent', message_id: mail.messageId, error: null, attempts: 3 },
      ]);
      expect((await rows(conn, `SELECT delivery FROM runs WHERE run_id = ${r.runId}`))[0]!['delivery']).toBe('delivered');

      // the same week again: recorded as skipped, nothing sent
      const again = await runPipeline(conn, p, { asOf: '2024-06-30', outDir: out, delivery: { env: ENV, wait: fast } });
      expect(again.delivery?.status).toBe('already delivered');
      expect(smtp.received).toHaveLength(1);
      expect(hook.bodies).toHaveLength(1);
      const skipped = await rows(conn, `SELECT status, error FROM deliveries WHERE run_id = ${again.runId}`);
      expect(skipped).toHaveLength(2);
      for (const x of skipped) expect(x).toEqual({ status: 'skipped', error: `already sent by run ${r.runId}; --resend sends again` });

      // --resend sends it again
      const resent = await runPipeline(conn, p, { asOf: '2024-06-30', outDir: out, delivery: { env: ENV, wait: fast, resend: true } });
      expect(resent.delivery?.status).toBe('delivered');
      expect(smtp.received).toHaveLength(2);
      expect(hook.bodies).toHaveLength(2);
    });
  });

  it('a server that is down leaves the run ok, its report intact, and the delivery recorded as failed', async () => {
    await withTempDb(async (conn, dir) => {
      const down = await closedPort();
      const p = pipeline(down, `http://127.0.0.1:${down}/hook`);
      const r = await runPipeline(conn, p, { asOf: '2024-06-30', outDir: join(dir, 'reports'), delivery: { env: ENV, wait: fast } });
      expect(r.delivery?.status).toBe('delivered-with-errors');
      expect(existsSync(r.reportPath)).toBe(true);
      const run = (await rows(conn, `SELECT status, delivery FROM runs WHERE run_id = ${r.runId}`))[0];
      expect(run).toEqual({ status: 'ok', delivery: 'delivered-with-errors' });
      const d = await rows(conn, `SELECT channel, status, attempts, error FROM deliveries WHERE run_id = ${r.runId} ORDER BY channel`);
      expect(d.map((x) => [x['channel'], x['status'], x['attempts']])).toEqual([['chat', 'failed', 3], ['email', 'failed', 3]]);
      expect(String(d[1]!['error'])).toMatch(/ECONNREFUSED/);
      expect(String(d[0]!['error'])).toMatch(/fetch failed|ECONNREFUSED/);
    });
  });

  it('over the size limit sends the summary only and says so; zh-CN speaks Chinese; a dry run writes files and sends nothing', async () => {
    await withTempDb(async (conn, dir) => {
      const before = smtp.received.length;
      const p = pipeline(smtp.port, hook.url, { attachLimitBytes: 1000 }, 'zh-CN');
      const dry = await runPipeline(conn, p, { asOf: '2024-06-30', outDir: join(dir, 'reports'), delivery: { env: ENV, wait: fast, dryRunDir: join(dir, 'outbox') } });
      expect(dry.delivery?.status).toBe('dry-run');
      expect(smtp.received.length).toBe(before);
      const eml = readFileSync(join(dir, 'outbox', '2024-06-30', 'email-all.eml'), 'utf8');
      expect(eml).toMatch(/^Subject: /m);
      expect(JSON.parse(readFileSync(join(dir, 'outbox', '2024-06-30', 'chat-all.json'), 'utf8')).text).toContain('客户报告');

      const r = await runPipeline(conn, p, { asOf: '2024-06-30', outDir: join(dir, 'reports'), delivery: { env: ENV, wait: fast } });
      expect(r.delivery?.status).toBe('delivered');
      const { mail } = smtp.received.at(-1)!;
      expect(mail.subject).toBe('客户报告：weekly，截至 2024-06-30');
      expect(mail.attachments.map((a) => a.filename)).toEqual(['trend.png']);
      expect(String(mail.html)).toContain('超过附件上限 1 kB');
      expect(mail.text).toContain('本邮件只发送摘要');
    });
  });

  it('does not retry a permanent refusal (bad login, 535) and never sends a password without STARTTLS when it is required', async () => {
    await withTempDb(async (conn, dir) => {
      const before = smtp.attempts;
      const wrong = pipeline(smtp.port, hook.url, { chat: undefined });
      const r = await runPipeline(conn, wrong, { asOf: '2024-06-30', outDir: join(dir, 'reports'), delivery: { env: { CRM_TEST_SMTP_PASSWORD: 'wrong' }, wait: fast } });
      expect(r.delivery?.status).toBe('delivered-with-errors');
      const [bad] = await rows(conn, `SELECT status, attempts, error FROM deliveries WHERE run_id = ${r.runId}`);
      expect(bad).toMatchObject({ status: 'failed', attempts: 1 });
      expect(String(bad!['error'])).toMatch(/535/);
      expect(smtp.attempts).toBe(before); // refused at login, before any MAIL FROM

      const strict = validatePipeline({
        name: 'weekly', schedule: { cron: '0 6 * * 1' }, inputs: { files: [] },
        delivery: { email: { to: ['a@example.com'], from: 'crm@example.com', smtp: { host: '127.0.0.1', port: smtp.port, tls: 'starttls', user: 'crm', passwordEnv: 'CRM_TEST_SMTP_PASSWORD' } }, retry: { attempts: 1 } },
      }, 'strict.json');
      const again = await runPipeline(conn, { ...strict, baseDir: packageRoot() }, { asOf: '2024-06-30', outDir: join(dir, 'reports'), delivery: { env: ENV, wait: fast } });
      const [refused] = await rows(conn, `SELECT status, error FROM deliveries WHERE run_id = ${again.runId}`);
      expect(refused!['status']).toBe('failed');
      expect(String(refused!['error'])).toMatch(/STARTTLS/i);
    });
  });
});
