import { kpiDelta } from '../delta.js';
import { formatKpiValue } from '../format.js';
import { EN, type ReportText } from '../i18n/index.js';
import { kpiLabel } from '../kpiLabel.js';
import { KPI_WINDOW_DAYS } from '../readKpis.js';
import { isMoney, measureOf } from '../trend/measure.js';
import { sparkline } from '../trend/sparkline.js';
import type { TrendMeasure, TrendReport } from '../trend/types.js';
import type { Kpi, ReportData } from '../types.js';
import { noData } from './table.js';
import { html, type SafeHtml } from './tag.js';

export { kpiLabel } from '../kpiLabel.js';

/** Tiles with a weekly series in the trend get its sparkline. */
const SPARK_MEASURE: Record<string, TrendMeasure | undefined> = {
  revenue: 'net_revenue', orders: 'orders', active_customers: 'active_customers', new_customers: 'new_customers', aov: 'aov',
};

/**
 * KPI tiles in a responsive grid. Each names its window, shows its change against the equal
 * period before (or the previous run, for run-to-run counts), coloured good / bad / neutral by the
 * KPI's valence, and, where the weekly trend has the measure, a sparkline. Plain HTML and inline
 * SVG, so the tiles read the same without JavaScript.
 *
 * @example renderKpis(data.kpis, data.previousRun, t, 28, data.trend) // <section id="kpis">…<li class="kpi" data-kpi="revenue" data-tone="good">…
 */
export function renderKpis(
  kpis: readonly Kpi[], previousRun: ReportData['previousRun'], t: ReportText = EN, windowDays = KPI_WINDOW_DAYS, trend: TrendReport | null = null,
): SafeHtml {
  return html`<section id="kpis" aria-labelledby="kpis-h">
<h2 id="kpis-h">${t.m.kpis.title}</h2>
${kpis.length === 0 ? noData(t.m.common.noData) : [comparedWith(kpis, previousRun, t, windowDays), html`<ul class="kpis">${kpis.map((k) => tile(k, t, windowDays, previousRun !== null, trend))}</ul>`]}
</section>`;
}

/** Said once above the tiles rather than in every tile. */
function comparedWith(kpis: readonly Kpi[], previousRun: ReportData['previousRun'], t: ReportText, windowDays: number): SafeHtml {
  const m = t.m.kpis;
  const windowed = kpis.some((k) => k.comparedWith === 'previous_window' || k.comparedWith === 'window_start');
  const runToRun = kpis.some((k) => (k.comparedWith ?? 'previous_run') === 'previous_run');
  const parts = [windowed ? m.comparison(t.fmt.int(windowDays)) : null];
  if (runToRun) parts.push(previousRun === null ? m.firstRun : m.sinceRun(String(previousRun.runId), previousRun.asOf));
  return html`<p class="note">${parts.filter((p) => p !== null).join(' ')}</p>`;
}

function tile(kpi: Kpi, t: ReportText, windowDays: number, hasPreviousRun: boolean, trend: TrendReport | null): SafeHtml {
  const d = kpiDelta(kpi, t);
  return html`
<li class="kpi" data-kpi="${kpi.key}" data-tone="${d?.tone ?? 'none'}">
<div class="label">${kpiLabel(kpi, t)}</div>
<div class="value">${formatKpiValue(kpi.value, kpi.format, t)}</div>
${deltaLine(kpi, t, windowDays, hasPreviousRun)}
${spark(kpi, t, trend)}
</li>`;
}

/** The change; to-date KPIs compare with their value one KPI window (windowDays) earlier. */
function deltaLine(kpi: Kpi, t: ReportText, windowDays: number, hasPreviousRun: boolean): SafeHtml {
  const m = t.m.kpis;
  const d = kpiDelta(kpi, t);
  const compared = kpi.comparedWith ?? 'previous_run';
  if (d === null) return html`<div class="delta">${noDeltaText(kpi, t, hasPreviousRun)}</div>`;
  const days = t.fmt.int(kpi.windowDays ?? windowDays);
  const earlier = compared === 'none' ? '' : m.earlier[compared](days, formatKpiValue(kpi.previous!, kpi.format, t));
  const relative = d.relative === null ? '' : ` (${d.relative})`;
  return html`<div class="delta ${d.direction} ${d.tone}" title="${earlier}"><span class="arrow" aria-hidden="true">${d.arrow}</span> ${d.absolute}${relative}<span class="sr"> (${m.tone[d.tone]}; ${earlier})</span></div>`;
}

function noDeltaText(kpi: Kpi, t: ReportText, hasPreviousRun: boolean): string {
  const m = t.m.kpis;
  switch (kpi.comparedWith ?? 'previous_run') {
    case 'none':
      return m.tileNotCompared;
    case 'previous_run':
      // a KPI new in this run (e.g. 'newly lapsed' on the second run) has a previous run but no previous value
      return hasPreviousRun && kpi.previous === null ? m.tileNoPreviousValue : m.tileNoPrevious;
    default:
      return m.tileNoEarlier;
  }
}

function spark(kpi: Kpi, t: ReportText, trend: TrendReport | null): SafeHtml | null {
  const measure = SPARK_MEASURE[kpi.key];
  if (!measure || !trend || trend.weeks.length < 2) return null;
  const values = trend.weeks.map((w) => measureOf(w, measure));
  const fmt = (v: number | null): string => (v === null ? '—' : isMoney(measure) ? t.fmt.money(v) : t.fmt.int(v));
  const label = t.m.kpis.sparkline(
    t.m.trend.measures[measure], t.fmt.int(values.length), trend.weeks[0]!.weekStart, trend.weeks.at(-1)!.weekEnd, values.map(fmt).join(', '),
  );
  return html`<div class="spark-wrap">${sparkline(values, label)}</div>`;
}
