import { cohortTriangleChart } from '../charts/cohortTriangle.js';
import { moveMatrixChart } from '../charts/moveMatrix.js';
import { paretoCurveChart } from '../charts/paretoCurve.js';
import { formatInt, formatMoney, formatPct, MISSING } from '../format.js';
import { chartDiv, type ChartSlot } from '../html/chartSlot.js';
import { noData, renderTable, type Column } from '../html/table.js';
import { html, type SafeHtml } from '../html/tag.js';
import type { CountRow, DynamicsReport, MoveCell, TopCustomer } from './types.js';

export const STATE_ORDER = ['prospect', 'new', 'repeat', 'loyal', 'at_risk', 'lost', 'won_back'];
export const STAGE_ORDER = ['exploration', 'formation', 'stability', 'decline'];
const IDS = { segments: 'chart-segment-moves', states: 'chart-state-moves', cohorts: 'chart-cohorts', pareto: 'chart-pareto' };

const moneyOrMissing = (v: number | null): string => (v === null ? MISSING : formatMoney(v));

const MOVE_COLUMNS: Column<MoveCell>[] = [
  { header: 'From', cell: (m) => m.from },
  { header: 'To', cell: (m) => m.to },
  { header: 'Customers', cell: (m) => formatInt(m.customers), numeric: true },
  { header: '12-month CLV', cell: (m) => moneyOrMissing(m.clv), numeric: true },
];

const countColumns = (what: string): Column<CountRow>[] => [
  { header: what, cell: (r) => r.name.replace('_', ' ') },
  { header: 'Customers', cell: (r) => formatInt(r.customers), numeric: true },
  { header: 'Share', cell: (r) => formatPct(r.share), numeric: true },
  { header: 'Net spend to date', cell: (r) => formatMoney(r.revenue), numeric: true },
];

const TOP_COLUMNS: Column<TopCustomer>[] = [
  { header: 'Customer', cell: (c) => c.customerId },
  { header: 'Segment', cell: (c) => c.segment },
  { header: 'State', cell: (c) => c.state.replace('_', ' ') },
  { header: 'Orders', cell: (c) => formatInt(c.frequency), numeric: true },
  { header: 'Days since last order', cell: (c) => formatInt(c.recencyDays), numeric: true },
  { header: 'Net spend', cell: (c) => formatMoney(c.monetary), numeric: true },
  { header: '12-month CLV', cell: (c) => moneyOrMissing(c.clv), numeric: true },
];

function movement(d: DynamicsReport): SafeHtml {
  const movers = d.segmentMoves.filter((m) => m.from !== m.to).slice(0, 15);
  const body = d.previousAsOf === null
    ? noData('No previous run to compare with: movement appears from the second run on.')
    : [
        html`<p>Customers by segment in the run as of ${d.previousAsOf} (rows, "new" = first seen since) and now (columns).</p>`,
        chartDiv(IDS.segments, 'Matrix of customers moving between segments'),
        renderTable('Largest segment moves (customers who changed segment)', MOVE_COLUMNS, movers),
        html`<p class="note">The customers behind any cell: <code>SELECT * FROM customer_moves(previous_run_id, run_id)</code>.</p>`,
      ];
  return html`<section id="movement" aria-labelledby="movement-h"><h2 id="movement-h">Segment movement</h2>${body}</section>`;
}

function states(d: DynamicsReport): SafeHtml {
  const byOrder = (order: string[]) => (a: CountRow, b: CountRow) => order.indexOf(a.name) - order.indexOf(b.name);
  const flows = d.previousAsOf === null ? noData('No previous run: state flows appear from the second run on.') : chartDiv(IDS.states, 'Matrix of customers moving between states');
  return html`<section id="states" aria-labelledby="states-h"><h2 id="states-h">Customer states and lifecycle stages</h2>
<div class="two-col">${renderTable('Customers by state', countColumns('State'), [...d.states].sort(byOrder(STATE_ORDER)), { compact: true })}
${renderTable('Customers by lifecycle stage', countColumns('Stage'), [...d.stages].sort(byOrder(STAGE_ORDER)), { compact: true })}</div>
${flows}
</section>`;
}

function cohorts(d: DynamicsReport): SafeHtml {
  const body = d.cohorts.length === 0 ? noData('No complete month of data yet.') : chartDiv(IDS.cohorts, 'Cohort retention triangle');
  return html`<section id="cohorts" aria-labelledby="cohorts-h"><h2 id="cohorts-h">Cohort retention</h2>${body}
<p class="note">The month holding the as-of date is left out unless it is complete: a partial month looks like a drop.</p></section>`;
}

function value(d: DynamicsReport): SafeHtml {
  const at = (p: number) => d.pareto.find((x) => Math.abs(x.customerShare - p) < 1e-9)?.revenueShare ?? null;
  const top20 = at(0.2);
  const sentence = top20 === null ? null : html`<p class="lead">The top 20% of customers bring <strong>${formatPct(top20)}</strong> of net revenue to date.</p>`;
  const body = d.pareto.length === 0 ? noData() : [sentence, chartDiv(IDS.pareto, 'Pareto curve of value concentration')];
  return html`<section id="value" aria-labelledby="value-h"><h2 id="value-h">Value concentration</h2>${body}
${renderTable(`Top ${d.topCustomers.length} customers by value`, TOP_COLUMNS, d.topCustomers)}</section>`;
}

/**
 * The dynamics sections (movement, states and stages, cohorts, value concentration) and their charts.
 *
 * @example const { body, charts } = dynamicsSections(data.dynamics);
 */
export function dynamicsSections(d: DynamicsReport | null): { body: SafeHtml; charts: ChartSlot[] } {
  if (d === null) {
    return { body: html`<section id="dynamics"><h2>Customer dynamics</h2>${noData()}</section>`, charts: [] };
  }
  const charts: ChartSlot[] = [];
  if (d.previousAsOf !== null && d.segmentMoves.length) {
    charts.push({ id: IDS.segments, spec: moveMatrixChart(d.segmentMoves, { title: 'Segment movement', subtitle: `Since the run as of ${d.previousAsOf}`, from: 'Previous segment', to: 'Segment now' }) });
  }
  if (d.previousAsOf !== null && d.stateMoves.length) {
    charts.push({ id: IDS.states, spec: moveMatrixChart(d.stateMoves, { title: 'State flows', subtitle: `Since the run as of ${d.previousAsOf}`, from: 'Previous state', to: 'State now', order: STATE_ORDER }) });
  }
  if (d.cohorts.length) charts.push({ id: IDS.cohorts, spec: cohortTriangleChart(d.cohorts) });
  if (d.pareto.length) charts.push({ id: IDS.pareto, spec: paretoCurveChart(d.pareto) });
  return { body: html`${movement(d)}${states(d)}${cohorts(d)}${value(d)}`, charts };
}
