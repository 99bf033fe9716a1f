import { formatInt } from '../format.js';
import type { LoadRow, ReportData } from '../types.js';
import { noData, renderTable, type Column } from './table.js';
import { html, type SafeHtml } from './tag.js';

type Quarantine = ReportData['quarantineByReason'][number];

const LOAD_COLUMNS: Column<LoadRow>[] = [
  { header: 'Load', cell: (l) => formatInt(l.loadId), numeric: true },
  { header: 'File', cell: (l) => html`<span class="path">${l.path}</span>` },
  { header: 'Loaded at', cell: (l) => l.loadedAt },
  { header: 'Read', cell: (l) => formatInt(l.rowsRead), numeric: true },
  { header: 'Loaded', cell: (l) => formatInt(l.rowsLoaded), numeric: true },
  { header: 'Duplicate', cell: (l) => formatInt(l.rowsDuplicate), numeric: true },
  { header: 'Excluded', cell: (l) => formatInt(l.rowsExcluded), numeric: true },
  { header: 'Quarantined', cell: (l) => formatInt(l.rowsQuarantined), numeric: true },
  { header: 'Status', cell: (l) => l.status },
];

const QUARANTINE_COLUMNS: Column<Quarantine>[] = [
  { header: 'Reason', cell: (q) => q.reason },
  { header: 'Rows', cell: (q) => formatInt(q.rows), numeric: true },
];

/**
 * The Data quality section: every load with its row counts, and quarantined rows by reason.
 * @example renderQuality(data.loads, data.quarantineByReason)
 */
export function renderQuality(loads: readonly LoadRow[], quarantine: readonly Quarantine[]): SafeHtml {
  const reasons = [...quarantine].sort((a, b) => b.rows - a.rows || a.reason.localeCompare(b.reason));
  const total = reasons.reduce((sum, q) => sum + q.rows, 0);
  return html`<section id="quality" aria-labelledby="quality-h">
<h2 id="quality-h">Data quality</h2>
<h3>Loads</h3>
${renderTable('Row counts per loaded file', LOAD_COLUMNS, loads)}
<h3>Quarantined rows</h3>
${total === 0 ? noData('No rows quarantined') : renderTable('Quarantined rows by reason', QUARANTINE_COLUMNS, reasons, {
  foot: { reason: 'Total', rows: total },
  compact: true,
})}
</section>`;
}
