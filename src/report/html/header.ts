import { formatInt } from '../format.js';
import type { ReportData } from '../types.js';
import { html, type SafeHtml } from './tag.js';

/** The report's title. */
export const REPORT_TITLE = 'Customer report';

/**
 * Title block: as-of date, data window, rules and run details.
 * @example renderHeader(data) // <header class="report"><h1>Customer report</h1>…
 */
export function renderHeader(data: ReportData): SafeHtml {
  const { run, window: w } = data;
  return html`<header class="report">
<h1>${REPORT_TITLE}</h1>
<dl class="meta">
<dt>As of</dt><dd>${run.asOf}</dd>
<dt>Data window</dt><dd>${w.firstOrderDate} to ${w.lastOrderDate} · ${formatInt(w.transactions)} transactions · ${formatInt(w.customers)} customers</dd>
<dt>Segment rules</dt><dd>${run.rulesName}</dd>
<dt>Run</dt><dd>#${run.runId}${run.pipeline === null ? '' : ` · pipeline ${run.pipeline}`} · started ${run.startedAt}</dd>
<dt>Compared with</dt><dd>${data.previousRun ? `run #${data.previousRun.runId} (as of ${data.previousRun.asOf})` : 'no previous run'}</dd>
</dl>
</header>`;
}
