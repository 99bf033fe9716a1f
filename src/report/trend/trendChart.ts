import type { TopLevelSpec } from 'vega-lite';
import { chartConfig, VL_SCHEMA } from '../charts/common.js';
import { EN, type ReportText } from '../i18n/index.js';
import { isMoney, measureOf } from './measure.js';
import type { TrendMeasure, TrendReport } from './types.js';

/** One point of a measure's line: a week's value, with labels as the table prints them. */
export interface TrendDatum {
  weekEnd: string;
  week: string;
  value: number;
  valueLabel: string;
  current: boolean;
}

/**
 * A measure's points, oldest week first; weeks without a value (AOV in a week with no orders) are
 * left out, so the line joins the weeks that have one.
 * @example trendData(trend, 'orders')[0] // { weekEnd: '2024-01-07', value: 91, valueLabel: '91', current: false, … }
 */
export function trendData(trend: TrendReport, measure: TrendMeasure, t: ReportText = EN): TrendDatum[] {
  const lastEnd = trend.weeks.at(-1)?.weekEnd;
  return trend.weeks.flatMap((w) => {
    const value = measureOf(w, measure);
    if (value === null) return [];
    const valueLabel = isMoney(measure) ? t.fmt.money(value) : t.fmt.int(value);
    return [{ weekEnd: w.weekEnd, week: t.m.trend.weekRange(w.weekStart, w.weekEnd), value, valueLabel, current: w.weekEnd === lastEnd }];
  });
}

/**
 * One small multiple of the weekly trend: a measure's line with a point per week and a dashed
 * rule on the latest week. It takes its container's width, so the six sit side by side on a wide
 * screen and stack on a phone; each has its own y scale (revenue and counts differ by orders of
 * magnitude), counts with integer ticks.
 *
 * @example vegaEmbed('#chart-trend-orders', weeklyTrendChart(data.trend, 'orders'));
 */
export function weeklyTrendChart(trend: TrendReport, measure: TrendMeasure, t: ReportText = EN): TopLevelSpec {
  const m = t.m.trend;
  const name = m.measures[measure];
  const x = { field: 'weekEnd', type: 'temporal', timeUnit: 'utcyearmonthdate', title: null, axis: { format: m.axisDate, labelOverlap: true, tickCount: 4, grid: false } } as const;
  // money in the report's currency (chartConfig carries its d3 locale); counts with integer ticks
  const yAxis = isMoney(measure) ? { format: '$,.0f' } : { format: ',d', tickMinStep: 1 };
  return {
    $schema: VL_SCHEMA,
    title: { text: name },
    description: m.chartDescription(name),
    data: { values: trendData(trend, measure, t) },
    width: 'container',
    height: 110,
    autosize: { type: 'fit-x', contains: 'padding' },
    layer: [
      {
        mark: { type: 'line', point: { size: 18 }, strokeWidth: 1.5, color: '#2563eb' },
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative', title: null, axis: { ...yAxis, tickCount: 4, grid: true, gridColor: '#eef0f3' } },
          tooltip: [
            { field: 'week', type: 'nominal', title: m.week },
            { field: 'valueLabel', type: 'nominal', title: name },
          ],
        },
      },
      {
        transform: [{ filter: 'datum.current' }],
        mark: { type: 'rule', strokeDash: [4, 3], color: '#6b7280' },
        encoding: { x },
      },
    ],
    config: chartConfig(t),
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
