import { EN, type ReportText } from '../i18n/index.js';
import { html, type HtmlValue, type SafeHtml } from './tag.js';

/** Optional parts of a table. */
export interface TableOptions<T> {
  /** A totals row, rendered in the footer with the same columns. */
  foot?: T;
  /** Size the table to its content instead of the page width, for narrow tables. */
  compact?: boolean;
  /** Language of the empty-table message. */
  t?: ReportText;
}

/** One column: header text, how to render a row's cell, and whether it holds a number. */
export interface Column<T> {
  header: string;
  cell: (row: T) => HtmlValue;
  numeric?: boolean;
}

/** Message for a section or table that has nothing to show. */
export const NO_DATA = 'No data for this section';

/** The standard empty-state paragraph. */
export const noData = (message = NO_DATA): SafeHtml => html`<p class="empty">${message}</p>`;

/**
 * A plain HTML table (readable without JavaScript); numeric columns are right-aligned.
 * An empty row list renders the "No data" message instead of an empty table.
 *
 * @example
 * renderTable('Loads', [{ header: 'Path', cell: (r) => r.path }], loads)
 */
export function renderTable<T>(
  caption: string,
  columns: Column<T>[],
  rows: readonly T[],
  { foot, compact = false, t = EN }: TableOptions<T> = {},
): SafeHtml {
  if (rows.length === 0) return noData(t.m.common.noData);
  return html`<div class="table-wrap"><table${compact ? html` class="compact"` : null}>
<caption>${caption}</caption>
<thead><tr>${columns.map((c) => html`<th scope="col"${cls(c)}>${c.header}</th>`)}</tr></thead>
<tbody>${rows.map((r) => bodyRow(columns, r))}</tbody>
${foot === undefined ? null : html`<tfoot>${bodyRow(columns, foot)}</tfoot>`}
</table></div>`;
}

const cls = <T>(c: Column<T>): SafeHtml | null => (c.numeric ? html` class="num"` : null);

function bodyRow<T>(columns: Column<T>[], row: T): SafeHtml {
  return html`<tr>${columns.map((c) => html`<td${cls(c)}>${c.cell(row)}</td>`)}</tr>\n`;
}
