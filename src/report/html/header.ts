import { formatDateTime } from '../format.js';
import { EN, type ReportText } from '../i18n/index.js';
import { ruleSetName } from '../i18n/names.js';
import type { ReportData } from '../types.js';
import { html, type SafeHtml } from './tag.js';

/** The report's title (English; the page uses its locale's `header.title`). */
export const REPORT_TITLE = EN.m.header.title;

/** The rule set: its id as code (what SQL and files use), then what it is in words. */
function rules(name: string, t: ReportText): SafeHtml {
  const { id, note } = ruleSetName(name, t);
  return html`<code class="rules-id">${id}</code>${note}`;
}

/**
 * Title block: as-of date, data window, rules and run details.
 * @example renderHeader(data) // <header class="report"><h1>Customer report</h1>…
 */
export function renderHeader(data: ReportData, t: ReportText = EN): SafeHtml {
  const { run, window: w } = data;
  const h = t.m.header;
  return html`<header class="report">
<h1>${h.title}</h1>
<dl class="meta">
<dt>${h.asOf}</dt><dd class="as-of">${run.asOf}</dd>
<dt>${h.window}</dt><dd>${h.windowValue(w.firstOrderDate, w.lastOrderDate, t.fmt.int(w.transactions), t.fmt.int(w.customers))}</dd>
<dt>${h.days}</dt><dd class="timezone">${h.daysValue(run.timezone ?? 'UTC')}</dd>
<dt>${h.rules}</dt><dd>${rules(run.rulesName, t)}</dd>
<dt>${h.run}</dt><dd>${h.runValue(String(run.runId), run.pipeline, formatDateTime(run.startedAt, t))}</dd>
<dt>${h.comparedWith}</dt><dd>${data.previousRun ? h.comparedValue(String(data.previousRun.runId), data.previousRun.asOf) : h.noPrevious}</dd>
</dl>
</header>`;
}
