import type { ReportText } from '../i18n/index.js';

/** Pinned so the spec states the grammar version it was written against. */
export const VL_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Shared look: match the page's system font and keep the charts quiet. */
export const CHART_CONFIG = {
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif',
  view: { stroke: null },
  axis: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 600, labelColor: '#374151', titleColor: '#111827' },
  title: { fontSize: 15, fontWeight: 600, anchor: 'start', color: '#111827', subtitleColor: '#4b5563', subtitleFontSize: 12 },
  legend: { labelFontSize: 12, titleFontSize: 12 },
} as const;

/**
 * CHART_CONFIG with the report's number locale: a d3 money format ("$,.0f") then prints the run's
 * currency as the tables do ("£1,234"; a plain number when the currency is not known).
 *
 * @example { ...spec, config: chartConfig(reportText('en', 'EUR')) } // axis labels "€1,234"
 */
export const chartConfig = (t: ReportText) => ({ ...CHART_CONFIG, locale: { number: t.fmt.chartLocale } });

/**
 * Width of the chart's box (the page's .chart div, which has one), so a chart fits a phone and
 * fills a desktop column; vega redraws it when the window is resized.
 */
export const FIT_WIDTH = {
  width: 'container',
  autosize: { type: 'fit-x', contains: 'padding', resize: true },
} as const;

/** Axis (or legend) settings for counts of customers or orders: whole numbers only, no 0.5 ticks. */
export const COUNT_AXIS = { format: ',d', tickMinStep: 1 } as const;
