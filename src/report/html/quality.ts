import { fileName, formatDateTime } from '../format.js';
import { EN, type ReportText } from '../i18n/index.js';
import type { LoadRow, ReportData } from '../types.js';
import { renderHouseAccounts, renderNoCustomer } from './house.js';
import { noData, renderTable, type Column } from './table.js';
import { html, type SafeHtml } from './tag.js';

type Quarantine = ReportData['quarantineByReason'][number];

function loadColumns(t: ReportText): Column<LoadRow>[] {
  const { m: { quality: m, names }, fmt } = t;
  return [
    { header: m.load, cell: (l) => fmt.int(l.loadId), numeric: true },
    { header: m.file, cell: (l) => html`<span class="path">${fileName(l.path)}</span>` },
    { header: m.loadedAt, cell: (l) => formatDateTime(l.loadedAt, t) },
    { header: m.readAs, cell: (l) => (l.preset ? m.presets[l.preset] ?? l.preset : m.mapping) },
    { header: m.read, cell: (l) => fmt.int(l.rowsRead), numeric: true },
    { header: m.loaded, cell: (l) => fmt.int(l.rowsLoaded), numeric: true },
    { header: m.duplicate, cell: (l) => fmt.int(l.rowsDuplicate), numeric: true },
    { header: m.excluded, cell: (l) => fmt.int(l.rowsExcluded), numeric: true },
    { header: m.quarantined, cell: (l) => fmt.int(l.rowsQuarantined), numeric: true },
    { header: m.refunds, cell: (l) => fmt.int(l.refunds), numeric: true },
    { header: m.status, cell: (l) => names.loadStatus[l.status] ?? l.status },
  ];
}

const FIXED_REASONS: Record<string, keyof ReportText['m']['names']['quarantine']> = {
  'order_date in the future': 'future',
  'non-positive unit_price': 'nonPositivePrice',
  'invalid currency': 'invalidCurrency',
  'malformed record': 'malformed',
  'invalid text encoding': 'encoding',
  'unknown status': 'unknownStatus',
  'missing status': 'missingStatus',
  'id damaged by a spreadsheet': 'damagedId',
};

/**
 * A quarantine reason in the report's language, its column name set as code; a reason this
 * table does not know is shown as stored.
 *
 * @example quarantineReason('missing customer_id', zh) // 缺少 <code>customer_id</code>
 */
export function quarantineReason(reason: string, t: ReportText = EN): SafeHtml {
  const q = t.m.names.quarantine;
  const fixed = FIXED_REASONS[reason];
  if (fixed !== undefined) return html`${q[fixed]}`;
  const field = /^(missing|unparseable) ([a-z_]+)$/.exec(reason);
  if (field === null) return html`${reason}`;
  const [before, after] = q[field[1] as 'missing' | 'unparseable'].split('{field}');
  return html`${before}<code>${field[2]!}</code>${after}`;
}

/**
 * An exclusion reason in the report's language: "status voided" names the status as exported,
 * "Captured = false" the mapping's exclude.when rule.
 *
 * @example excludedReason('status voided', zh) // 状态 <code>voided</code>（未收款）
 */
export function excludedReason(reason: string, t: ReportText = EN): SafeHtml {
  const x = t.m.names.excluded;
  if (reason === 'product code') return html`${x.productCode}`;
  if (reason === 'zero-total order') return html`${x.zeroTotal}`;
  const status = /^status (.+)$/.exec(reason);
  if (status) {
    const [before, after] = x.status.split('{status}');
    return html`${before}<code>${status[1]!}</code>${after}`;
  }
  if (!reason.includes(' = ')) return html`${reason}`; // the table's foot, or a reason stored as is
  const [before, after] = x.rule.split('{rule}');
  return html`${before}<code>${reason}</code>${after}`;
}

const excludedColumns = (t: ReportText): Column<Quarantine>[] => [
  { header: t.m.quality.reason, cell: (q) => excludedReason(q.reason, t) },
  { header: t.m.quality.rows, cell: (q) => t.fmt.int(q.rows), numeric: true },
];

const quarantineColumns = (t: ReportText): Column<Quarantine>[] => [
  // reasons are the loader's fixed English codes (README: Quarantine reasons), rendered in the locale
  { header: t.m.quality.reason, cell: (q) => quarantineReason(q.reason, t) },
  { header: t.m.quality.rows, cell: (q) => t.fmt.int(q.rows), numeric: true },
];

/**
 * The Data quality section: the run's house accounts and the revenue of orders with no customer
 * (when `trust` is given), every load with its row counts, quarantined and excluded rows by reason.
 * @example renderQuality(data.loads, data.quarantineByReason, EN, data.excludedByReason, data)
 */
export function renderQuality(
  loads: readonly LoadRow[], quarantine: readonly Quarantine[], t: ReportText = EN, excluded: readonly Quarantine[] = [],
  trust?: Pick<ReportData, 'houseAccounts' | 'noCustomer'>,
): SafeHtml {
  const excludedTotal = excluded.reduce((sum, q) => sum + q.rows, 0);
  const reasons = [...quarantine].sort((a, b) => b.rows - a.rows || a.reason.localeCompare(b.reason));
  const total = reasons.reduce((sum, q) => sum + q.rows, 0);
  const m = t.m.quality;
  return html`<section id="quality" aria-labelledby="quality-h">
<h2 id="quality-h">${m.title}</h2>
${trust ? html`${renderHouseAccounts(trust.houseAccounts, t)}${renderNoCustomer(trust.noCustomer, t)}` : null}
<h3>${m.loads}</h3>
${renderTable(m.loadsCaption, loadColumns(t), loads, { t })}
<h3>${m.quarantineTitle}</h3>
${total === 0 ? noData(m.noQuarantine) : renderTable(m.quarantineCaption, quarantineColumns(t), reasons, {
  foot: { reason: m.total, rows: total },
  compact: true,
  t,
})}
<h3>${m.excludedTitle}</h3>
${excludedTotal === 0 ? noData(m.noExcluded) : renderTable(m.excludedCaption, excludedColumns(t), excluded, { foot: { reason: m.total, rows: excludedTotal }, compact: true, t })}
</section>`;
}
