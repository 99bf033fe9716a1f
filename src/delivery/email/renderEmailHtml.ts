import { html, type SafeHtml } from '../../report/html/tag.js';
import type { DeliverySummary, SummaryKpi } from '../summary.js';

/** The report's valence colours (src/report/html/styles.ts), inlined: mail clients drop <style> blocks. */
const TONE: Record<SummaryKpi['tone'], string> = { good: '#047857', bad: '#b91c1c', neutral: '#4b5563', none: '#4b5563' };
const FONT = 'font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,PingFang SC,Microsoft YaHei,sans-serif;';

/** What the message says about the full report and its lists: a link and, under the limit, attachments. */
export interface EmailLinks {
  /** where the report is: its published URL, else its file URL */
  reportLink: string;
  /** a sentence naming the attached files, or saying the files were over the limit */
  filesNote: string;
  /** the src of the trend image: 'cid:…' for an inline attachment */
  trendSrc: string | null;
  trendAlt: string;
}

function kpiCell(k: SummaryKpi): SafeHtml {
  return html`<td class="kpi" data-kpi="${k.key}" data-tone="${k.tone}" width="33%" valign="top" style="padding:10px;border:1px solid #e5e7eb;${FONT}">
<div style="font-size:12px;color:#4b5563">${k.label}</div>
<div style="font-size:20px;font-weight:600;color:#111827">${k.value}</div>
<div style="font-size:12px;color:${TONE[k.tone]}">${k.change === '' ? '—' : k.change}</div></td>`;
}

/** KPI tiles as a table, three a row: tables are what every mail client lays out alike. */
function kpiRows(kpis: readonly SummaryKpi[]): SafeHtml[] {
  const rows: SafeHtml[] = [];
  for (let i = 0; i < kpis.length; i += 3) rows.push(html`<tr>${kpis.slice(i, i + 3).map(kpiCell)}</tr>`);
  return rows;
}

/**
 * The email's HTML body: highlights, KPI tiles with their change in the valence colour, the trend
 * as an image, the link to the full report. Inline styles and tables only, and no script, so it
 * reads the same in any mail client.
 *
 * @example renderEmailHtml(summary, links) // '<!doctype html><html lang="en">…'
 */
export function renderEmailHtml(s: DeliverySummary, links: EmailLinks): string {
  const { m } = s.t;
  const tone = (t: string): string => (t === 'good' ? TONE.good : t === 'bad' ? TONE.bad : '#9ca3af');
  const body = html`<!doctype html>
<html lang="${s.t.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${m.header.pageTitle(s.asOf)}</title></head>
<body style="margin:0;padding:16px;background:#ffffff;color:#111827;${FONT}">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:640px;margin:0 auto"><tr><td style="${FONT}">
<h1 style="font-size:22px;margin:0 0 4px">${m.header.title} · ${s.asOf}</h1>
<p style="margin:0 0 16px;color:#4b5563">${m.delivery.intro(s.pipeline, s.asOf, s.t.fmt.int(s.customers))}</p>
<h2 style="font-size:16px;margin:16px 0 8px">${m.highlights.title}</h2>
${s.highlights.length === 0 ? html`<p>${m.highlights.none}</p>` : html`<ul id="highlights" style="padding-left:0;list-style:none;margin:0">${s.highlights.map((h) => html`<li data-highlight="${h.kind}" style="border-left:4px solid ${tone(h.tone)};padding:4px 8px;margin:0 0 6px">${h.text}</li>`)}</ul>`}
<h2 style="font-size:16px;margin:16px 0 8px">${m.kpis.title}</h2>
<table id="kpis" role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse">${kpiRows(s.kpis)}</table>
${s.trend && links.trendSrc ? html`<h2 style="font-size:16px;margin:16px 0 8px">${m.delivery.trendTitle(s.t.fmt.int(s.trend.weeks.length))}</h2>
<img id="trend" src="${links.trendSrc}" alt="${links.trendAlt}" width="560" style="display:block;max-width:100%;height:auto;border:0">` : null}
<p style="margin:20px 0 8px"><a id="report-link" href="${links.reportLink}" style="background:#2563eb;color:#ffffff;padding:8px 14px;border-radius:4px;text-decoration:none">${m.delivery.openReport}</a></p>
<p style="font-size:12px;color:#4b5563;word-break:break-all">${m.delivery.reportAt(links.reportLink)}</p>
<p id="files-note" style="font-size:12px;color:#4b5563">${links.filesNote}</p>
<p style="font-size:12px;color:#9ca3af">${m.delivery.footer(String(s.runId))}</p>
</td></tr></table></body></html>`;
  return body.value;
}
