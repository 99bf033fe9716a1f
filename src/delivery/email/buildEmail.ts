import type Mail from 'nodemailer/lib/mailer/index.js';
import { formatBytes, reportFiles, reportLocation } from '../reportFiles.js';
import { fillTemplate, type DeliverySummary } from '../summary.js';
import type { DeliveryConfig, EmailDelivery } from '../types.js';
import { renderEmailHtml, type EmailLinks } from './renderEmailHtml.js';
import { renderEmailText } from './renderEmailText.js';

const TREND_CID = 'trend@crm';

/** What buildEmail decided, besides the message: which files went along. */
export interface BuiltEmail {
  message: Mail.Options;
  attached: string[];
  overLimit: boolean;
}

/**
 * The email of one run: subject from the template, HTML and plain-text parts, the trend PNG as an
 * inline (cid:) image, and the report with its CSV lists attached while they fit under
 * `attachLimitBytes` — over it, none of them, and the message says so and links the report.
 *
 * @example const { message } = buildEmail(summary, pipeline.delivery, email, reportPath, png);
 */
export function buildEmail(s: DeliverySummary, config: DeliveryConfig, email: EmailDelivery, reportPath: string, trendPng: Buffer | null): BuiltEmail {
  const { m, fmt } = s.t;
  const files = reportFiles(reportPath);
  const total = files.reduce((a, f) => a + f.bytes, 0);
  const overLimit = total > config.attachLimitBytes;
  const weeks = s.trend?.weeks ?? [];
  const links: EmailLinks = {
    reportLink: reportLocation(reportPath, config.reportUrl),
    filesNote: overLimit ? m.delivery.overLimit(formatBytes(total), formatBytes(config.attachLimitBytes)) : m.delivery.attached(files.map((f) => f.name).join(', ')),
    trendSrc: trendPng ? `cid:${TREND_CID}` : null,
    trendAlt: weeks.length ? m.delivery.trendAlt(fmt.int(weeks.length), weeks[0]!.weekStart, weeks.at(-1)!.weekEnd, weeks.map((w) => fmt.money(w.netRevenue)).join(', ')) : '',
  };
  const subject = fillTemplate(email.subject ?? m.delivery.subject, { title: m.header.title, pipeline: s.pipeline, asOf: s.asOf, audience: 'all' });
  const attachments: NonNullable<Mail.Options['attachments']> = [];
  if (trendPng) attachments.push({ filename: 'trend.png', content: trendPng, contentType: 'image/png', cid: TREND_CID });
  if (!overLimit) for (const f of files) attachments.push({ filename: f.name, path: f.path, contentType: f.name.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'text/html; charset=utf-8' });
  return {
    message: {
      from: email.from, to: email.to, ...(email.cc.length ? { cc: email.cc } : {}), subject,
      html: renderEmailHtml(s, links), text: renderEmailText(s, links), attachments,
      headers: { 'X-CRM-Run': String(s.runId), 'X-CRM-As-Of': s.asOf },
    },
    attached: overLimit ? [] : files.map((f) => f.name),
    overLimit,
  };
}
