import type { DeliverySummary } from '../summary.js';
import type { EmailLinks } from './renderEmailHtml.js';

/**
 * The plain-text alternative: the same highlights, KPI lines and link as the HTML part, for
 * clients (and readers) that show text only.
 *
 * @example renderEmailText(summary, links).split('\n')[0] // 'Customer report · 2024-06-30'
 */
export function renderEmailText(s: DeliverySummary, links: EmailLinks): string {
  const { m } = s.t;
  const lines = [`${m.header.title} · ${s.asOf}`, m.delivery.intro(s.pipeline, s.asOf, s.t.fmt.int(s.customers)), '', m.highlights.title];
  lines.push(...(s.highlights.length === 0 ? [m.highlights.none] : s.highlights.map((h) => `- ${h.text}`)), '', m.kpis.title);
  lines.push(...s.kpis.map((k) => `- ${m.delivery.kpiLine(k.label, k.value, k.change)}`), '');
  if (s.trend) lines.push(links.trendAlt, '');
  lines.push(m.delivery.reportAt(links.reportLink), links.filesNote, '', m.delivery.footer(String(s.runId)));
  return lines.join('\n') + '\n';
}
