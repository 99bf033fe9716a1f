import type { TopLevelSpec } from 'vega-lite';
import { EN, type ReportText } from '../i18n/index.js';
import type { EvidenceData } from '../models/types.js';
import { CHART_CONFIG, COUNT_AXIS, FIT_WIDTH, VL_SCHEMA } from './common.js';
import { EVIDENCE_COLORS } from './evidenceFrequency.js';

/**
 * The tracking plot: cumulative purchase days, expected and actual, at whole weeks into the
 * held-out days (starting from 0 at the cutoff). A gap that opens steadily is a model that
 * under- or over-predicts the business's pace; a gap that opens at one date is an event the
 * model cannot know (a campaign, a season).
 *
 * @example vegaEmbed('#chart-evidence-tracking', evidenceTrackingChart(selection.evidence));
 */
export function evidenceTrackingChart(e: EvidenceData, t: ReportText = EN): TopLevelSpec {
  const c = t.m.charts.evidence;
  const fmt = t.fmt;
  const points = [{ day: 0, actual: 0, expected: 0 }, ...e.tracking];
  const values = points.flatMap((p) => [
    { day: p.day, series: c.actual, value: p.actual, label: fmt.int(Math.round(p.actual)) },
    { day: p.day, series: c.expected, value: p.expected, label: fmt.int(Math.round(p.expected)) },
  ]);
  return {
    $schema: VL_SCHEMA,
    title: { text: c.trackingTitle, subtitle: c.trackingSubtitle },
    description: c.trackingDescription,
    data: { values },
    ...FIT_WIDTH,
    height: 220,
    mark: { type: 'line', point: { size: 20 } },
    encoding: {
      x: { field: 'day', type: 'quantitative', title: c.trackingX, axis: { ...COUNT_AXIS, grid: false } },
      y: { field: 'value', type: 'quantitative', title: c.trackingY, axis: { ...COUNT_AXIS, grid: true, gridColor: '#eef0f3' } },
      color: { field: 'series', type: 'nominal', title: null, scale: { domain: [c.actual, c.expected], range: EVIDENCE_COLORS }, legend: { orient: 'top-left' } },
      strokeDash: { field: 'series', type: 'nominal', scale: { domain: [c.actual, c.expected], range: [[1, 0], [5, 3]] }, legend: null },
      tooltip: [
        { field: 'day', type: 'quantitative', title: c.trackingX },
        { field: 'series', type: 'nominal', title: c.series },
        { field: 'label', type: 'nominal', title: c.trackingY },
      ],
    },
    config: CHART_CONFIG,
  };
}
