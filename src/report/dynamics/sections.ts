import { cohortTriangleChart } from '../charts/cohortTriangle.js';
import { moveMatrixChart } from '../charts/moveMatrix.js';
import { paretoCurveChart } from '../charts/paretoCurve.js';
import { MISSING } from '../format.js';
import { chartDiv, type ChartSlot } from '../html/chartSlot.js';
import { collapsed, noData, renderTable, type Column } from '../html/table.js';
import { html, type SafeHtml } from '../html/tag.js';
import { EN, type ReportText } from '../i18n/index.js';
import { segmentName as defaultSegmentName, stageName, stateName } from '../i18n/names.js';
import type { CohortCell, CountRow, DynamicsReport, MoveCell, ParetoPoint, TopCustomer } from './types.js';

/** States in the order a customer's life runs. */
export const STATE_ORDER = ['prospect', 'first_order', 'repeat', 'regular', 'lapsing', 'lapsed', 'won_back'];
export const STAGE_ORDER = ['exploration', 'formation', 'stability', 'decline'];
const IDS = { segments: 'chart-segment-moves', states: 'chart-state-moves', cohorts: 'chart-cohorts', pareto: 'chart-pareto' };
/** Pareto points shown as a table: the deciles a reader asks about. */
const PARETO_TABLE_SHARES = [0.01, 0.05, 0.1, 0.2, 0.5];

/** 'new' in a segment move means "first seen since the previous run", a label rather than a segment. */
const segmentName = (s: string, t: ReportText): string => (s === 'new' ? t.m.dynamics.newLabel : defaultSegmentName(s, t));

function moveColumns(t: ReportText): Column<MoveCell>[] {
  const { m, fmt } = t;
  return [
    { header: m.dynamics.from, cell: (x) => segmentName(x.from, t) },
    { header: m.dynamics.to, cell: (x) => segmentName(x.to, t) },
    { header: m.common.customers, cell: (x) => fmt.int(x.customers), numeric: true },
    { header: m.common.clv12, money: (x) => x.clv },
  ];
}

const countColumns = (what: string, name: (code: string) => string, { m, fmt }: ReportText): Column<CountRow>[] => [
  { header: what, cell: (r) => name(r.name) },
  { header: m.common.customers, cell: (r) => fmt.int(r.customers), numeric: true },
  { header: m.common.share, cell: (r) => fmt.pct(r.share), numeric: true },
  { header: m.dynamics.netSpendToDate, money: (r) => r.revenue },
];

function topColumns(t: ReportText): Column<TopCustomer>[] {
  const { m, fmt } = t;
  return [
    { header: m.common.customer, cell: (c) => c.customerId },
    { header: m.common.segment, cell: (c) => segmentName(c.segment, t) },
    { header: m.common.state, cell: (c) => stateName(c.state, t) },
    { header: m.common.orders, cell: (c) => fmt.int(c.frequency), numeric: true },
    { header: m.dynamics.daysSince, cell: (c) => fmt.int(c.recencyDays), numeric: true },
    { header: m.common.netSpend, money: (c) => c.monetary },
    { header: m.common.clv12, money: (c) => c.clv },
  ];
}

function movement(d: DynamicsReport, t: ReportText): SafeHtml {
  const m = t.m.dynamics;
  const movers = d.segmentMoves.filter((x) => x.from !== x.to).slice(0, 15);
  const body = d.previousAsOf === null
    ? noData(m.noPrevious)
    : [
        html`<p>${m.movementIntro(d.previousAsOf)}</p>`,
        chartDiv(IDS.segments, m.movementAria, t),
        renderTable(m.movesCaption, moveColumns(t), movers, { collapse: true, t }),
        html`<p class="note">${m.movesQuery} <code>SELECT * FROM customer_moves(previous_run_id, run_id)</code>.</p>`,
      ];
  return html`<section id="movement" aria-labelledby="movement-h"><h2 id="movement-h">${m.movementTitle}</h2>${body}</section>`;
}

function states(d: DynamicsReport, t: ReportText): SafeHtml {
  const m = t.m.dynamics;
  const byOrder = (order: string[]) => (a: CountRow, b: CountRow) => order.indexOf(a.name) - order.indexOf(b.name);
  const changed = d.stateMoves.filter((x) => x.from !== x.to);
  const stateColumns: Column<MoveCell>[] = [
    { header: m.from, cell: (x) => stateName(x.from, t) },
    { header: m.to, cell: (x) => stateName(x.to, t) },
    { header: t.m.common.customers, cell: (x) => t.fmt.int(x.customers), numeric: true },
  ];
  const flows = d.previousAsOf === null
    ? noData(m.noPreviousStates)
    : [chartDiv(IDS.states, m.statesAria, t), renderTable(m.stateMovesCaption, stateColumns, changed, { compact: true, collapse: true, t })];
  return html`<section id="states" aria-labelledby="states-h"><h2 id="states-h">${m.statesTitle}</h2>
<div class="two-col">${renderTable(m.byState, countColumns(t.m.common.state, (c) => stateName(c, t), t), [...d.states].sort(byOrder(STATE_ORDER)), { compact: true, t })}
${renderTable(m.byStage, countColumns(t.m.common.stage, (c) => stageName(c, t), t), [...d.stages].sort(byOrder(STAGE_ORDER)), { compact: true, t })}</div>
${flows}
</section>`;
}

/**
 * The triangle as a table too (cohort rows, month columns), so the numbers read without JavaScript.
 * Whole percents, as in the chart, keep two years of months within the page width.
 */
function cohortTable(cells: readonly CohortCell[], t: ReportText): SafeHtml {
  const m = t.m.dynamics;
  const cohorts = [...new Set(cells.map((c) => c.cohort))];
  // month 0 is 100% by definition: the column would only take width
  const months = [...new Set(cells.map((c) => c.monthsSince))].filter((mo) => mo > 0).sort((a, b) => a - b);
  const at = new Map(cells.map((c) => [`${c.cohort}:${c.monthsSince}`, c]));
  const rows = cohorts.map((cohort) => {
    const size = cells.find((c) => c.cohort === cohort)!.customers;
    return html`<tr><th scope="row">${cohort}</th><td class="num">${t.fmt.int(size)}</td>${months.map((mo) => {
      const c = at.get(`${cohort}:${mo}`);
      return html`<td class="num">${c === undefined ? '' : `${t.fmt.decimal(c.share * 100, 0)}%`}</td>`;
    })}</tr>\n`;
  });
  return collapsed(html`<div class="table-wrap"><table class="compact cohorts">
<caption>${m.cohortsCaption}</caption>
<thead><tr><th scope="col" rowspan="2">${m.cohort}</th><th scope="col" rowspan="2" class="num">${m.cohortSize}</th><th scope="colgroup" colspan="${months.length}">${t.m.charts.cohorts.x}</th></tr>
<tr>${months.map((mo) => html`<th scope="col" class="num" aria-label="${m.month(String(mo))}">${t.fmt.int(mo)}</th>`)}</tr></thead>
<tbody>${rows}</tbody></table></div>`, t.m.layout.showTable(m.cohortsCaption, t.fmt.int(cohorts.length)));
}

function cohorts(d: DynamicsReport, t: ReportText): SafeHtml {
  const m = t.m.dynamics;
  const body = d.cohorts.length === 0 ? noData(m.noCohorts) : [chartDiv(IDS.cohorts, m.cohortsAria, t), cohortTable(d.cohorts, t)];
  return html`<section id="cohorts" aria-labelledby="cohorts-h"><h2 id="cohorts-h">${m.cohortsTitle}</h2>${body}
<p class="note">${m.cohortsNote}</p></section>`;
}

function paretoTable(points: readonly ParetoPoint[], t: ReportText): SafeHtml {
  const m = t.m.dynamics;
  const rows = PARETO_TABLE_SHARES.flatMap((s) => points.filter((p) => Math.abs(p.customerShare - s) < 1e-9));
  const hasClv = rows.some((p) => p.clvShare !== null);
  const orMissing = (v: number | null): string => (v === null ? MISSING : t.fmt.pct(v));
  return renderTable(m.paretoCaption, [
    { header: m.topShare, cell: (p: ParetoPoint) => t.fmt.pct(p.customerShare), numeric: true },
    { header: m.revenueShareCol, cell: (p: ParetoPoint) => orMissing(p.revenueShare), numeric: true },
    ...(hasClv ? [{ header: m.clvShareCol, cell: (p: ParetoPoint) => orMissing(p.clvShare), numeric: true }] : []),
  ], rows, { compact: true, t });
}

function value(d: DynamicsReport, t: ReportText): SafeHtml {
  const m = t.m.dynamics;
  const top20 = d.pareto.find((x) => Math.abs(x.customerShare - 0.2) < 1e-9)?.revenueShare ?? null;
  // the share is bold: split the sentence at it so only the number is marked up
  const [before, after] = m.top20('\u0000').split('\u0000');
  const sentence = top20 === null ? null : html`<p class="lead">${before}<strong>${t.fmt.pct(top20)}</strong>${after}</p>`;
  const body = d.pareto.length === 0 ? noData(t.m.common.noData) : [sentence, html`<div class="chart-row">${chartDiv(IDS.pareto, m.paretoAria, t)}${paretoTable(d.pareto, t)}</div>`];
  return html`<section id="value" aria-labelledby="value-h"><h2 id="value-h">${m.valueTitle}</h2>${body}
${renderTable(m.topCaption(t.fmt.int(d.topCustomers.length)), topColumns(t), d.topCustomers, { t })}</section>`;
}

/**
 * The dynamics sections (movement, states and stages, cohorts, value concentration) and their charts.
 *
 * @example const { body, charts } = dynamicsSections(data.dynamics);
 */
export function dynamicsSections(d: DynamicsReport | null, t: ReportText = EN): { body: SafeHtml; charts: ChartSlot[] } {
  const m = t.m;
  if (d === null) {
    return { body: html`<section id="dynamics" aria-labelledby="dynamics-h"><h2 id="dynamics-h">${m.dynamics.title}</h2>${noData(m.common.noData)}</section>`, charts: [] };
  }
  const charts: ChartSlot[] = [];
  const mv = m.charts.moves;
  if (d.previousAsOf !== null && d.segmentMoves.length) {
    const spec = moveMatrixChart(d.segmentMoves, { title: mv.segmentsTitle, subtitle: mv.since(d.previousAsOf), from: mv.previousSegment, to: mv.segmentNow, name: (s) => segmentName(s, t) }, t);
    charts.push({ id: IDS.segments, spec });
  }
  if (d.previousAsOf !== null && d.stateMoves.length) {
    const spec = moveMatrixChart(d.stateMoves, { title: mv.statesTitle, subtitle: mv.since(d.previousAsOf), from: mv.previousState, to: mv.stateNow, order: STATE_ORDER, name: (s) => stateName(s, t) }, t);
    charts.push({ id: IDS.states, spec });
  }
  if (d.cohorts.length) charts.push({ id: IDS.cohorts, spec: cohortTriangleChart(d.cohorts, t) });
  if (d.pareto.length) charts.push({ id: IDS.pareto, spec: paretoCurveChart(d.pareto, t) });
  return { body: html`${movement(d, t)}${states(d, t)}${cohorts(d, t)}${value(d, t)}`, charts };
}
