import { formatDecimal, formatInt, formatMoney, formatPct } from '../format.js';
import type { SegmentRow } from '../types.js';
import { chartDiv } from './chartSlot.js';
import { noData, renderTable, type Column } from './table.js';
import { html, type SafeHtml } from './tag.js';

/** Id of the segment chart's placeholder div. */
export const SEGMENTS_CHART_ID = 'chart-segments';

const COLUMNS: Column<SegmentRow>[] = [
  { header: 'Segment', cell: (s) => s.segment },
  { header: 'Customers', cell: (s) => formatInt(s.customers), numeric: true },
  { header: 'Share', cell: (s) => formatPct(s.share), numeric: true },
  { header: 'Revenue', cell: (s) => formatMoney(s.revenue), numeric: true },
  { header: 'Revenue share', cell: (s) => formatPct(s.revenueShare), numeric: true },
  { header: 'Avg recency (days)', cell: (s) => formatDecimal(s.avgRecencyDays, 1), numeric: true },
  { header: 'Avg frequency', cell: (s) => formatDecimal(s.avgFrequency, 2), numeric: true },
  { header: 'Avg monetary', cell: (s) => formatMoney(s.avgMonetary), numeric: true },
];

/**
 * The Segments section: chart placeholder plus the full segment table, largest segment first.
 * @example renderSegments(data.segments)
 */
export function renderSegments(segments: readonly SegmentRow[]): SafeHtml {
  const rows = [...segments].sort((a, b) => b.customers - a.customers || a.segment.localeCompare(b.segment));
  return html`<section id="segments" aria-labelledby="segments-h">
<h2 id="segments-h">Segments</h2>
${rows.length === 0 ? noData() : [chartDiv(SEGMENTS_CHART_ID, 'Bar charts of customers and revenue share per segment'), renderTable('Customers, revenue and averages per segment', COLUMNS, rows)]}
</section>`;
}
