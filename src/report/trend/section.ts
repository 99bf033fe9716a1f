import { MISSING } from '../format.js';
import { chartDiv, type ChartSlot } from '../html/chartSlot.js';
import { noData, renderTable, type Column } from '../html/table.js';
import { html, type SafeHtml } from '../html/tag.js';
import { EN, type ReportText } from '../i18n/index.js';
import { weekdayName, weeklyTrendChart } from './trendChart.js';
import { TREND_MEASURES, type IncompleteWeek, type TrendMeasure, type TrendReport, type TrendWeek } from './types.js';

/** The id of a measure's chart placeholder, e.g. 'chart-trend-orders'. */
export const trendChartId = (measure: TrendMeasure): string => `chart-trend-${measure.replace(/_/g, '-')}`;

/**
 * The weekly trend section: how many weeks and how they are cut, a warning when the latest week
 * looks incomplete, a small chart per measure in a grid, and the numbers in a table collapsed under them.
 *
 * @example renderTrend(data.trend, t) // <section id="trend">…<details class="behind">…<table>…
 */
export function renderTrend(trend: TrendReport | null, t: ReportText = EN): SafeHtml {
  const m = t.m.trend;
  const body = trend === null || trend.weeks.length === 0
    ? noData(m.none)
    : [
        html`<p>${m.intro(t.fmt.int(trend.weeks.length), weekdayName(trend.weeks.at(-1)!.weekEnd, t))}</p>`,
        trend.incomplete === null ? null : html`<p class="warning trend-flag" data-flag="incomplete-week">${incompleteText(trend.incomplete, t)}</p>`,
        html`<div class="trend-grid" role="group" aria-label="${m.chartAria}">${TREND_MEASURES.map((k) => chartDiv(trendChartId(k), m.chartDescription(m.measures[k]), t))}</div>`,
        html`<details class="behind"><summary>${m.tableSummary}</summary>${renderTable(m.caption, columns(trend, t), [...trend.weeks].reverse(), { t })}</details>`,
      ];
  return html`<section id="trend" aria-labelledby="trend-h"><h2 id="trend-h">${m.title}</h2>${body}</section>`;
}

/**
 * The section's charts, one per measure, when it has weeks to draw.
 * @example slots.push(...trendCharts(data.trend, t));
 */
export function trendCharts(trend: TrendReport | null, t: ReportText = EN): ChartSlot[] {
  if (trend === null || trend.weeks.length === 0) return [];
  return TREND_MEASURES.map((k) => ({ id: trendChartId(k), spec: weeklyTrendChart(trend, k, t) }));
}

/**
 * The possibly-incomplete warning, as the section says it.
 * @example incompleteText(flag, EN) // 'Possibly incomplete data: the latest week (2024-06-24 – 2024-06-30) has 12 orders, …'
 */
export function incompleteText(w: IncompleteWeek, t: ReportText = EN): string {
  const m = t.m.trend;
  return m.incomplete(m.weekRange(w.weekStart, w.weekEnd), t.fmt.int(w.orders), t.fmt.decimal(w.median, w.median % 1 === 0 ? 0 : 1));
}

function columns(trend: TrendReport, t: ReportText): Column<TrendWeek>[] {
  const { m, fmt } = t;
  const last = trend.weeks.at(-1)!.weekEnd;
  const weekCell = (w: TrendWeek) => (w.weekEnd === last ? html`${m.trend.weekRange(w.weekStart, w.weekEnd)} <strong>(${m.trend.current})</strong>` : m.trend.weekRange(w.weekStart, w.weekEnd));
  const ms = m.trend.measures;
  return [
    { header: m.trend.week, cell: weekCell },
    { header: ms.net_revenue, cell: (w) => fmt.money(w.netRevenue), numeric: true },
    { header: ms.orders, cell: (w) => fmt.int(w.orders), numeric: true },
    { header: ms.active_customers, cell: (w) => fmt.int(w.activeCustomers), numeric: true },
    { header: ms.new_customers, cell: (w) => fmt.int(w.newCustomers), numeric: true },
    { header: ms.returning_customers, cell: (w) => fmt.int(w.returningCustomers), numeric: true },
    { header: ms.aov, cell: (w) => (w.aov === null ? MISSING : fmt.money(w.aov)), numeric: true },
  ];
}
