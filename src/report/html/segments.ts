import { EN, type ReportText } from '../i18n/index.js';
import { segmentName } from '../i18n/names.js';
import type { SegmentRow } from '../types.js';
import { chartDiv } from './chartSlot.js';
import { noData, renderTable, type Column } from './table.js';
import { html, type SafeHtml } from './tag.js';

/** Id of the segment chart's placeholder div. */
export const SEGMENTS_CHART_ID = 'chart-segments';

function columns(t: ReportText): Column<SegmentRow>[] {
  const { m, fmt } = t;
  return [
    { header: m.common.segment, cell: (s) => segmentName(s.segment, t) },
    { header: m.common.customers, cell: (s) => fmt.int(s.customers), numeric: true },
    { header: m.common.share, cell: (s) => fmt.pct(s.share), numeric: true },
    { header: m.common.revenue, money: (s) => s.revenue },
    { header: m.segments.revenueShare, cell: (s) => fmt.pct(s.revenueShare), numeric: true },
    { header: m.segments.avgRecency, cell: (s) => fmt.decimal(s.avgRecencyDays, 1), numeric: true },
    { header: m.segments.avgFrequency, cell: (s) => fmt.decimal(s.avgFrequency, 2), numeric: true },
    { header: m.segments.avgMonetary, money: (s) => s.avgMonetary },
  ];
}

/**
 * The Segments section: chart placeholder plus the full segment table, largest segment first.
 * @example renderSegments(data.segments)
 */
export function renderSegments(segments: readonly SegmentRow[], t: ReportText = EN): SafeHtml {
  const rows = [...segments].sort((a, b) => b.customers - a.customers || a.segment.localeCompare(b.segment));
  return html`<section id="segments" aria-labelledby="segments-h">
<h2 id="segments-h">${t.m.segments.title}</h2>
${rows.length === 0 ? noData(t.m.common.noData) : [chartDiv(SEGMENTS_CHART_ID, t.m.segments.chart, t), renderTable(t.m.segments.caption, columns(t), rows, { collapse: true, t })]}
</section>`;
}
