import { moneyColumn } from '../format.js';
import { EN, type ReportText } from '../i18n/index.js';
import { html, type HtmlValue, type SafeHtml } from './tag.js';

/** Optional parts of a table. */
export interface TableOptions<T> {
  /** A totals row, rendered in the footer with the same columns. */
  foot?: T;
  /** Size the table to its content instead of the page width, for narrow tables. */
  compact?: boolean;
  /**
   * Fold the table under a "show the table" summary: for a table that repeats the chart above it.
   * It stays in the page (readable without JavaScript, found by search, opened for printing).
   */
  collapse?: boolean;
  /** Extra class names on the table element. */
  className?: string;
  /** Language of the empty-table message. */
  t?: ReportText;
}

/** One column: header text, how to render a row's cell, and whether it holds a number. */
export interface Column<T> {
  header: string;
  /** The cell's content; money columns may give `money` instead. */
  cell?: (row: T) => HtmlValue;
  /** An amount: the table formats the whole column alike (cents or whole units, see moneyColumn). */
  money?: (row: T) => number | null;
  numeric?: boolean;
  /** Free text (reasons, descriptions): kept wide enough to read on a phone instead of squeezed. */
  prose?: boolean;
}

/** Message for a section or table that has nothing to show. */
export const NO_DATA = 'No data for this section';

/** The standard empty-state paragraph. */
export const noData = (message = NO_DATA): SafeHtml => html`<p class="empty">${message}</p>`;

/**
 * A plain HTML table (readable without JavaScript); numeric columns are right-aligned. The table
 * scrolls inside its own box when it is wider than the page. An empty row list renders the
 * "No data" message instead of an empty table.
 *
 * @example
 * renderTable('Loads', [{ header: 'Path', cell: (r) => r.path }], loads)
 */
export function renderTable<T>(
  caption: string,
  columns: Column<T>[],
  rows: readonly T[],
  { foot, compact = false, collapse = false, className, t = EN }: TableOptions<T> = {},
): SafeHtml {
  if (rows.length === 0) return noData(t.m.common.noData);
  const all = foot === undefined ? rows : [...rows, foot];
  const cells = columns.map((c) => cellOf(c, all, t));
  const classes = [compact ? 'compact' : '', className ?? ''].filter((c) => c !== '').join(' ');
  const table = html`<div class="table-wrap"><table${classes === '' ? null : html` class="${classes}"`}>
<caption>${caption}</caption>
<thead><tr>${columns.map((c) => html`<th scope="col"${cls(c)}>${c.header}</th>`)}</tr></thead>
<tbody>${rows.map((r) => bodyRow(columns, cells, r))}</tbody>
${foot === undefined ? null : html`<tfoot>${bodyRow(columns, cells, foot)}</tfoot>`}
</table></div>`;
  return collapse ? collapsed(table, t.m.layout.showTable(caption, t.fmt.int(rows.length))) : table;
}

/**
 * Content under a summary line, closed on screen and opened for printing (styles.ts, scripts.ts).
 * @example collapsed(table, 'Show the table (11 rows)')
 */
export function collapsed(content: SafeHtml, summary: string): SafeHtml {
  return html`<details class="more"><summary>${summary}</summary>${content}</details>`;
}

/** A column's cell renderer; money columns share one format chosen from all their values. */
function cellOf<T>(c: Column<T>, rows: readonly T[], t: ReportText): (row: T) => HtmlValue {
  if (c.money) {
    const amount = c.money;
    const format = moneyColumn(rows.map(amount), t);
    return (r) => format(amount(r));
  }
  if (c.cell) return c.cell;
  throw new Error(`column "${c.header}" has neither cell nor money`);
}

const cls = <T>(c: Column<T>): SafeHtml | null => (c.numeric || c.money ? html` class="num"` : c.prose ? html` class="prose"` : null);

function bodyRow<T>(columns: Column<T>[], cells: ((row: T) => HtmlValue)[], row: T): SafeHtml {
  return html`<tr>${columns.map((c, i) => html`<td${cls(c)}>${cells[i]!(row)}</td>`)}</tr>\n`;
}
