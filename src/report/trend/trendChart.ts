import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, VL_SCHEMA } from '../charts/common.js';
import { EN, type ReportText } from '../i18n/index.js';
import { isMoney, measureOf } from './measure.js';
import { TREND_MEASURES, type TrendReport } from './types.js';

/** One point of the small multiples: a week's value of one measure, with labels as the table prints them. */
export interface TrendDatum {
  measure: string;
  weekEnd: string;
  week: string;
  value: number;
  valueLabel: string;
  current: boolean;
}

/**
 * The chart's points, measure by measure, oldest week first; weeks without a value (AOV in a week
 * with no orders) are left out, so the line has a gap-free path through the weeks that have one.
 * @example trendData(trend)[0] // { measure: 'Net revenue', weekEnd: '2024-01-07', value: 1234, current: false, … }
 */
export function trendData(trend: TrendReport, t: ReportText = EN): TrendDatum[] {
  const m = t.m.trend;
  const lastEnd = trend.weeks.at(-1)?.weekEnd;
  return TREND_MEASURES.flatMap((measure) =>
    trend.weeks.flatMap((w) => {
      const value = measureOf(w, measure);
      if (value === null) return [];
      const valueLabel = isMoney(measure) ? t.fmt.money(value) : t.fmt.int(value);
      return [{ measure: m.measures[measure], weekEnd: w.weekEnd, week: m.weekRange(w.weekStart, w.weekEnd), value, valueLabel, current: w.weekEnd === lastEnd }];
    }),
  );
}

/**
 * Small multiples of the weekly trend: one line per measure (each with its own y scale, since
 * revenue and counts differ by orders of magnitude), a point per week, and a dashed rule marking
 * the latest week. Money and counts are formatted as in the table below the chart.
 *
 * @example vegaEmbed('#chart-trend', weeklyTrendChart(data.trend));
 */
export function weeklyTrendChart(trend: TrendReport, t: ReportText = EN): TopLevelSpec {
  const m = t.m.trend;
  const lastEnd = trend.weeks.at(-1)?.weekEnd ?? '';
  const weekday = weekdayName(lastEnd, t);
  const x = { field: 'weekEnd', type: 'temporal', timeUnit: 'utcyearmonthdate', title: m.weekEnding, axis: { format: '%b %d', labelOverlap: true, tickCount: 4, grid: false } } as const;
  return {
    $schema: VL_SCHEMA,
    title: { text: m.chartTitle, subtitle: m.chartSubtitle(weekday) },
    description: m.chartDescription,
    data: { values: trendData(trend, t) },
    facet: { field: 'measure', type: 'nominal', title: null, sort: TREND_MEASURES.map((k) => m.measures[k]), header: { labelFontSize: 13, labelFontWeight: 600, labelAnchor: 'start' } },
    columns: 2,
    spec: {
      width: 260,
      height: 110,
      layer: [
        {
          mark: { type: 'line', point: { size: 18 }, strokeWidth: 1.5, color: '#2563eb' },
          encoding: {
            x,
            y: { field: 'value', type: 'quantitative', title: null, axis: { tickCount: 4, grid: true, gridColor: '#eef0f3' } },
            tooltip: [
              { field: 'week', type: 'nominal', title: m.week },
              { field: 'measure', type: 'nominal', title: m.measure },
              { field: 'valueLabel', type: 'nominal', title: m.value },
            ],
          },
        },
        {
          transform: [{ filter: 'datum.current' }],
          mark: { type: 'rule', strokeDash: [4, 3], color: '#6b7280' },
          encoding: { x },
        },
      ],
    },
    resolve: { scale: { y: 'independent' } },
    config: CHART_CONFIG,
  };
}

/**
 * The weekday of a 'YYYY-MM-DD' date in the report's language (weeks end on it).
 * @example weekdayName('2024-03-31') // 'Sunday'
 */
export function weekdayName(date: string, t: ReportText = EN): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return Number.isNaN(day) ? '' : t.m.trend.weekdays[day]!;
}
