import { kpiDelta } from '../delta.js';
import { formatKpiValue } from '../format.js';
import { EN, type ReportText } from '../i18n/index.js';
import { KPI_WINDOW_DAYS } from '../readKpis.js';
import type { Kpi, ReportData } from '../types.js';
import { noData } from './table.js';
import { html, type SafeHtml } from './tag.js';

/**
 * KPI tiles in a responsive grid, each with its change since the previous run. Plain HTML, so
 * the tiles read the same without JavaScript.
 * @example renderKpis(data.kpis, data.previousRun) // <section id="kpis">…<li class="kpi">…
 */
export function renderKpis(kpis: readonly Kpi[], previousRun: ReportData['previousRun'], t: ReportText = EN, windowDays = KPI_WINDOW_DAYS): SafeHtml {
  return html`<section id="kpis" aria-labelledby="kpis-h">
<h2 id="kpis-h">${t.m.kpis.title}</h2>
${kpis.length === 0 ? noData(t.m.common.noData) : [comparedWith(previousRun, t), html`<ul class="kpis">${kpis.map((k) => tile(k, t, windowDays, previousRun !== null))}</ul>`]}
</section>`;
}

/** Said once above the tiles rather than in every tile. */
function comparedWith(previousRun: ReportData['previousRun'], t: ReportText): SafeHtml {
  if (previousRun === null) return html`<p class="note">${t.m.kpis.noPrevious}</p>`;
  return html`<p class="note">${t.m.kpis.comparedWith(String(previousRun.runId), previousRun.asOf)}</p>`;
}

/**
 * A KPI's label in the report's language; KPIs the catalogue does not know keep their stored label.
 * @example kpiLabel({ key: 'orders', … }, EN, 28) // 'Orders (28 days)'
 */
export function kpiLabel(kpi: Kpi, t: ReportText = EN, windowDays = KPI_WINDOW_DAYS): string {
  const labels: Record<string, ((d: string) => string) | undefined> = t.m.kpis.labels;
  return labels[kpi.key]?.(t.fmt.int(windowDays)) ?? kpi.label;
}

function tile(kpi: Kpi, t: ReportText, windowDays: number, hasPreviousRun: boolean): SafeHtml {
  return html`
<li class="kpi" data-kpi="${kpi.key}">
<div class="label">${kpiLabel(kpi, t, windowDays)}</div>
<div class="value">${formatKpiValue(kpi.value, kpi.format, t)}</div>
${deltaLine(kpi, t, hasPreviousRun)}
</li>`;
}

function deltaLine(kpi: Kpi, t: ReportText, hasPreviousRun: boolean): SafeHtml {
  const d = kpiDelta(kpi, t);
  // a KPI new in this run (e.g. 'newly lost' on the second run) has a previous run but no previous value
  if (d === null) return html`<div class="delta">${hasPreviousRun && kpi.previous === null ? t.m.kpis.tileNoPreviousValue : t.m.kpis.tileNoPrevious}</div>`;
  const previous = formatKpiValue(kpi.previous!, kpi.format, t);
  const relative = d.relative === null ? '' : ` (${d.relative})`;
  return html`<div class="delta ${d.direction}" title="${t.m.kpis.previousValue(previous)}"><span class="arrow" aria-hidden="true">${d.arrow}</span> ${d.absolute}${relative}</div>`;
}
