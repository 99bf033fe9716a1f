import type { DeliverySummary } from '../summary.js';

/** A Slack-compatible incoming-webhook body: `text` for any receiver, `blocks` where they are understood. */
export interface ChatPayload {
  text: string;
  blocks: { type: string; text?: { type: 'mrkdwn'; text: string } }[];
}

/** Slack's mrkdwn treats & < > as markup: escaped as its docs say. */
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The chat message of a run: title with the report's link, the highlights, one KPI line.
 * @example chatPayload(summary, 'https://intranet/reports/2024-06-30/report.html').text
 */
export function chatPayload(s: DeliverySummary, reportLink: string): ChatPayload {
  const { m } = s.t;
  const title = `${m.header.title} · ${s.pipeline} · ${s.asOf}`;
  const kpiLine = s.kpis.map((k) => m.delivery.kpiLine(k.label, k.value, k.change)).join(' · ');
  const highlights = s.highlights.map((h) => `• ${esc(h.text)}`).join('\n') || esc(m.highlights.none);
  return {
    text: `${title}\n${s.highlights.map((h) => `• ${h.text}`).join('\n')}\n${kpiLine}\n${m.delivery.reportAt(reportLink)}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*<${reportLink}|${esc(title)}>*` } },
      { type: 'section', text: { type: 'mrkdwn', text: highlights } },
      { type: 'section', text: { type: 'mrkdwn', text: esc(kpiLine) } },
    ],
  };
}
