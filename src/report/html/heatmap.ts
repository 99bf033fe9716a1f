import { SCORES } from '../charts/rfHeatmap.js';
import { EN, type ReportText } from '../i18n/index.js';
import type { RfCell } from '../types.js';
import { chartDiv } from './chartSlot.js';
import { noData } from './table.js';
import { html, type SafeHtml } from './tag.js';

/** Id of the heatmap's placeholder div. */
export const HEATMAP_CHART_ID = 'chart-rf-heatmap';

/**
 * The R×F section: heatmap placeholder plus a 5×5 table of customers per cell, which is what
 * screen readers and script-less viewers get.
 * @example renderHeatmap(data.rfGrid)
 */
export function renderHeatmap(cells: readonly RfCell[], t: ReportText = EN): SafeHtml {
  return html`<section id="rf" aria-labelledby="rf-h">
<h2 id="rf-h">${t.m.heatmap.title}</h2>
${cells.length === 0 ? noData(t.m.common.noData) : [chartDiv(HEATMAP_CHART_ID, t.m.heatmap.chart, t), gridTable(cells, t)]}
</section>`;
}

/** Frequency 5 at the top, recency 1..5 left to right, matching the chart. */
function gridTable(cells: readonly RfCell[], t: ReportText): SafeHtml {
  const count = new Map(cells.map((c) => [`${c.r}:${c.f}`, c.customers]));
  const rows = [...SCORES].reverse().map(
    (f) => html`<tr><th scope="row">${t.m.heatmap.f(String(f))}</th>${SCORES.map((r) => html`<td>${t.fmt.int(count.get(`${r}:${f}`) ?? 0)}</td>`)}</tr>\n`,
  );
  return html`<div class="table-wrap"><table class="grid">
<caption>${t.m.heatmap.caption}</caption>
<thead><tr><th scope="col"><span class="visually-hidden">${t.m.heatmap.corner}</span></th>${SCORES.map((r) => html`<th scope="col">${t.m.heatmap.r(String(r))}</th>`)}</tr></thead>
<tbody>${rows}</tbody>
</table></div>`;
}
