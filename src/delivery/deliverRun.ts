import type { DuckDBConnection } from '@duckdb/node-api';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import type { Locale } from '../report/i18n/index.js';
import { readReportData } from '../report/readReportData.js';
import { trendPng } from './chart/trendPng.js';
import { chatPayload } from './chat/chatPayload.js';
import { postWebhook, webhookHost, webhookUrl } from './chat/postWebhook.js';
import { buildEmail } from './email/buildEmail.js';
import { sendEmail, smtpPassword } from './email/sendEmail.js';
import { reportLocation } from './reportFiles.js';
import { withRetry } from './retry.js';
import { alreadySent, recordDelivery, setRunDelivery } from './store/recordDelivery.js';
import { deliverySummary } from './summary.js';
import type { DeliveryConfig, DeliveryRecord } from './types.js';

export interface DeliverOptions {
  locale: Locale;
  /** send even when this week was already delivered to the audience on the channel */
  resend?: boolean;
  /** write the messages (.eml, .json) into this folder instead of sending */
  dryRunDir?: string;
  env?: NodeJS.ProcessEnv;
  /** the wait between attempts (tests pass a short one) */
  wait?: (ms: number) => Promise<void>;
}

export interface DeliverResult {
  records: DeliveryRecord[];
  /** runs.delivery: delivered, delivered-with-errors, dry-run, already delivered */
  status: string;
}

const AUDIENCE = 'all';

/** The message of a settings error (a missing environment variable), else null. */
function setupError(setup: () => void): string | null {
  try {
    setup();
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

/** The raw MIME a dry run writes: nodemailer's own rendering, so the file is what would be sent. */
async function rawMessage(message: Mail.Options): Promise<Buffer> {
  const info = await nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }).sendMail(message);
  return info.message as Buffer;
}

/**
 * Deliver one run's written report as the pipeline's `delivery` says: the email and the chat
 * post, each retried with backoff and recorded in `deliveries`; a week already delivered is not
 * sent again unless `resend`. A failure is recorded (status failed, the error, the attempts) and
 * marks the run delivered-with-errors; it never throws for a channel's failure, so the run and
 * its report stand.
 *
 * @example await deliverRun(conn, runId, pipeline.delivery, reportPath, { locale: 'en' })
 */
export async function deliverRun(conn: DuckDBConnection, runId: number, config: DeliveryConfig, reportPath: string, opts: DeliverOptions): Promise<DeliverResult> {
  const env = opts.env ?? process.env;
  const s = deliverySummary(await readReportData(conn, runId), opts.locale);
  const link = reportLocation(reportPath, config.reportUrl);
  const records: DeliveryRecord[] = [];
  const dryDir = opts.dryRunDir ? resolve(opts.dryRunDir, s.asOf) : null;
  if (dryDir) mkdirSync(dryDir, { recursive: true });

  const attempt = async (channel: DeliveryRecord['channel'], recipients: string, send: () => Promise<string>, dry: () => Promise<string>, setup: () => void): Promise<void> => {
    const base = { audience: AUDIENCE, channel, recipients, messageId: null, error: null, path: null };
    const earlier = opts.resend || dryDir ? null : await alreadySent(conn, runId, AUDIENCE, channel);
    // a missing secret is a setting to fix, not a server to wait for: failed at once, no attempt
    const problem = earlier === null && !dryDir ? setupError(setup) : null;
    let rec: DeliveryRecord;
    if (problem !== null) rec = { ...base, status: 'failed', attempts: 0, error: problem };
    else if (earlier !== null) rec = { ...base, status: 'skipped', attempts: 0, error: `already sent by run ${earlier}; --resend sends again` };
    else if (dryDir) rec = { ...base, status: 'dry-run', attempts: 0, path: await dry() };
    else {
      const r = await withRetry(send, config.retry, opts.wait);
      rec = r.ok ? { ...base, status: 'sent', attempts: r.attempts, messageId: r.value } : { ...base, status: 'failed', attempts: r.attempts, error: r.error.message };
    }
    await recordDelivery(conn, runId, rec);
    records.push(rec);
  };

  if (config.email) {
    const email = config.email;
    const png = s.trend ? await trendPng(s.trend, s.t) : null;
    const built = buildEmail(s, config, email, reportPath, png);
    await attempt('email', [...email.to, ...email.cc].join(', '), () => sendEmail(email, built.message, env), async () => {
      const path = join(dryDir!, `email-${AUDIENCE}.eml`);
      writeFileSync(path, await rawMessage(built.message));
      return path;
    }, () => void smtpPassword(email, env));
  }
  if (config.chat) {
    const chat = config.chat;
    const payload = chatPayload(s, link);
    const url = (): string => webhookUrl(chat, env);
    const host = ((): string => {
      try {
        return webhookHost(url());
      } catch {
        return `$${chat.webhookUrlEnv}`;
      }
    })();
    await attempt('chat', host, () => postWebhook(url(), payload), async () => {
      const path = join(dryDir!, `chat-${AUDIENCE}.json`);
      writeFileSync(path, JSON.stringify(payload, null, 2) + '\n');
      return path;
    }, () => void url());
  }
  return { records, status: await setRunDelivery(conn, runId, records) };
}
