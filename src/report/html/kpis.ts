import { kpiDelta } from '../delta.js';
import { formatKpiValue } from '../format.js';
import type { Kpi, ReportData } from '../types.js';
import { noData } from './table.js';
import { html, type SafeHtml } from './tag.js';

/**
 * KPI tiles in a responsive grid, each with its change since the previous run.
 * @example renderKpis(data.kpis, data.previousRun) // <section id="kpis">…<li class="kpi">…
 */
export function renderKpis(kpis: readonly Kpi[], previousRun: ReportData['previousRun']): SafeHtml {
  return html`<section id="kpis" aria-labelledby="kpis-h">
<h2 id="kpis-h">Key figures</h2>
${kpis.length === 0 ? noData() : [comparedWith(previousRun), html`<ul class="kpis">${kpis.map(tile)}</ul>`]}
</section>`;
}

/** Said once above the tiles rather than in every tile. */
function comparedWith(previousRun: ReportData['previousRun']): SafeHtml {
  if (previousRun === null) return html`<p class="note">No previous run to compare with.</p>`;
  return html`<p class="note">Changes compare with run #${previousRun.runId} (as of ${previousRun.asOf}).</p>`;
}

function tile(kpi: Kpi): SafeHtml {
  return html`
<li class="kpi" data-kpi="${kpi.key}">
<div class="label">${kpi.label}</div>
<div class="value">${formatKpiValue(kpi.value, kpi.format)}</div>
${deltaLine(kpi)}
</li>`;
}

function deltaLine(kpi: Kpi): SafeHtml {
  const d = kpiDelta(kpi);
  if (d === null) return html`<div class="delta">no previous run</div>`;
  const previous = formatKpiValue(kpi.previous!, kpi.format);
  const relative = d.relative === null ? '' : ` (${d.relative})`;
  return html`<div class="delta ${d.direction}" title="Previous run: ${previous}"><span class="arrow" aria-hidden="true">${d.arrow}</span> ${d.absolute}${relative}</div>`;
}
