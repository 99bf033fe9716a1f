import { SCORES } from '../charts/rfHeatmap.js';
import { formatInt } from '../format.js';
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
export function renderHeatmap(cells: readonly RfCell[]): SafeHtml {
  return html`<section id="rf" aria-labelledby="rf-h">
<h2 id="rf-h">R×F heatmap</h2>
${cells.length === 0 ? noData() : [chartDiv(HEATMAP_CHART_ID, 'Heatmap of customers by recency and frequency score'), gridTable(cells)]}
</section>`;
}

/** Frequency 5 at the top, recency 1..5 left to right, matching the chart. */
function gridTable(cells: readonly RfCell[]): SafeHtml {
  const count = new Map(cells.map((c) => [`${c.r}:${c.f}`, c.customers]));
  const rows = [...SCORES].reverse().map(
    (f) => html`<tr><th scope="row">F ${f}</th>${SCORES.map((r) => html`<td>${formatInt(count.get(`${r}:${f}`) ?? 0)}</td>`)}</tr>\n`,
  );
  return html`<div class="table-wrap"><table class="grid">
<caption>Customers per cell (rows: frequency score, columns: recency score)</caption>
<thead><tr><th scope="col"><span class="visually-hidden">F score / R score</span></th>${SCORES.map((r) => html`<th scope="col">R ${r}</th>`)}</tr></thead>
<tbody>${rows}</tbody>
</table></div>`;
}
