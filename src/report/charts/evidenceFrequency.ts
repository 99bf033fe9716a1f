import type { TopLevelSpec } from 'vega-lite';
import { EN, type ReportText } from '../i18n/index.js';
import type { EvidenceData } from '../models/types.js';
import { CHART_CONFIG, FIT_WIDTH, VL_SCHEMA } from './common.js';

/** Series colours shared by the evidence charts: what happened dark, what the model expected blue. */
export const EVIDENCE_COLORS = ['#111827', '#2563eb'];

/**
 * The calibration chart of the literature: mean purchase days per customer in the held-out days,
 * expected and actual, by repeat purchases before them (0 … 7+). Lines that lie on each other say
 * the model gets light and heavy buyers right alike.
 *
 * @example vegaEmbed('#chart-evidence-frequency', evidenceFrequencyChart(selection.evidence));
 */
export function evidenceFrequencyChart(e: EvidenceData, t: ReportText = EN): TopLevelSpec {
  const c = t.m.charts.evidence;
  const fmt = t.fmt;
  const order = e.byFrequency.map((b) => (b.orMore ? c.orMore(String(b.x)) : String(b.x)));
  const values = e.byFrequency.filter((b) => b.customers > 0).flatMap((b, i) => [
    { bucket: order[i]!, series: c.actual, value: b.actual, customers: fmt.int(b.customers), label: fmt.decimal(b.actual, 2) },
    { bucket: order[i]!, series: c.expected, value: b.expected, customers: fmt.int(b.customers), label: fmt.decimal(b.expected, 2) },
  ]);
  return {
    $schema: VL_SCHEMA,
    title: { text: c.frequencyTitle, subtitle: c.frequencySubtitle },
    description: c.frequencyDescription,
    data: { values },
    ...FIT_WIDTH,
    height: 220,
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'bucket', type: 'ordinal', title: c.frequencyX, sort: order, axis: { labelAngle: 0 } },
      y: { field: 'value', type: 'quantitative', title: c.frequencyY, axis: { grid: true, gridColor: '#eef0f3' } },
      color: { field: 'series', type: 'nominal', title: null, scale: { domain: [c.actual, c.expected], range: EVIDENCE_COLORS }, legend: { orient: 'top-left' } },
      strokeDash: { field: 'series', type: 'nominal', scale: { domain: [c.actual, c.expected], range: [[1, 0], [5, 3]] }, legend: null },
      tooltip: [
        { field: 'bucket', type: 'nominal', title: c.frequencyX },
        { field: 'series', type: 'nominal', title: c.series },
        { field: 'label', type: 'nominal', title: c.frequencyY },
        { field: 'customers', type: 'nominal', title: c.customers },
      ],
    },
    config: CHART_CONFIG,
  };
}
