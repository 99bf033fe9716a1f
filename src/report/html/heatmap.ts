import { SCORES } from '../charts/rfHeatmap.js';
import { EN, type ReportText } from '../i18n/index.js';
import type { BinRow, RfCell } from '../types.js';
import { chartDiv } from './chartSlot.js';
import { collapsed, noData } from './table.js';
import { html, type SafeHtml } from './tag.js';

/** Id of the heatmap's placeholder div. */
export const HEATMAP_CHART_ID = 'chart-rf-heatmap';

/**
 * The R×F section: heatmap placeholder, a note under it for every empty score row or column (why
 * it is empty, in place rather than in the appendix), plus a 5×5 table of customers per cell,
 * which is what screen readers and script-less viewers get.
 *
 * @example renderHeatmap(data.rfGrid, EN, data.bins)
 */
export function renderHeatmap(cells: readonly RfCell[], t: ReportText = EN, bins: readonly BinRow[] = []): SafeHtml {
  return html`<section id="rf" aria-labelledby="rf-h">
<h2 id="rf-h">${t.m.heatmap.title}</h2>
${cells.length === 0 ? noData(t.m.common.noData) : [chartDiv(HEATMAP_CHART_ID, t.m.heatmap.chart, t), emptyScoreNotes(cells, bins, t), collapsed(gridTable(cells, t), t.m.layout.showTable(t.m.heatmap.caption, t.fmt.int(SCORES.length)))]}
</section>`;
}

/**
 * One sentence per score that holds no customer on its axis. With quintile scores that only
 * happens when tied values fill a whole quintile: the bin table marks it with lower = upper.
 *
 * @example emptyScoreNotes(data.rfGrid, data.bins) // <ul class="note empty-scores"><li>Why F 2 is empty: …
 */
export function emptyScoreNotes(cells: readonly RfCell[], bins: readonly BinRow[], t: ReportText = EN): SafeHtml | null {
  const notes = (['f', 'r'] as const).flatMap((axis) =>
    SCORES.filter((s) => cells.filter((c) => c[axis] === s).reduce((n, c) => n + c.customers, 0) === 0).map((s) => note(axis, s, bins, t)),
  );
  return notes.length === 0 ? null : html`<ul class="note empty-scores">${notes.map((n) => html`<li>${n}</li>`)}</ul>`;
}

function note(axis: 'r' | 'f', score: number, bins: readonly BinRow[], t: ReportText): string {
  const metric: BinRow['metric'] = axis === 'f' ? 'frequency' : 'recency_days';
  const cell = axis === 'f' ? t.m.heatmap.f(String(score)) : t.m.heatmap.r(String(score));
  const bin = bins.find((b) => b.metric === metric && b.score === score);
  if (bin === undefined || bin.lower === null || bin.lower !== bin.upper) return t.m.layout.emptyScoreNoTie(cell);
  return t.m.layout.emptyScoreNote(cell, t.m.rules.metrics[metric], t.fmt.decimal(bin.lower, Number.isInteger(bin.lower) ? 0 : 2));
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
