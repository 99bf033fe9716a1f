import type { TopLevelSpec } from 'vega-lite';
import { EN, type ReportText } from '../i18n/index.js';
import type { EvidenceData } from '../models/types.js';
import { CHART_CONFIG, FIT_WIDTH, VL_SCHEMA } from './common.js';
import { EVIDENCE_COLORS } from './evidenceFrequency.js';

/**
 * The reliability chart of the churn probability: per tenth of customers by predicted probability
 * of no order in the held-out days, the mean prediction against the share that did not order.
 * Points on the diagonal mean "a risk of 80% comes true 8 times in 10" — what the churn bands,
 * thresholds on this probability, rely on.
 *
 * @example vegaEmbed('#chart-evidence-reliability', evidenceReliabilityChart(selection.evidence.reliability));
 */
export function evidenceReliabilityChart(bins: EvidenceData['reliability'], t: ReportText = EN): TopLevelSpec {
  const c = t.m.charts.evidence;
  const fmt = t.fmt;
  const values = bins.map((b) => ({ ...b, predictedLabel: fmt.pct(b.predicted), observedLabel: fmt.pct(b.observed), customersLabel: fmt.int(b.customers) }));
  const axis = { format: '.0%', grid: true, gridColor: '#eef0f3' };
  return {
    $schema: VL_SCHEMA,
    title: { text: c.reliabilityTitle, subtitle: c.reliabilitySubtitle },
    description: c.reliabilityDescription,
    ...FIT_WIDTH,
    height: 240,
    layer: [
      {
        data: { values: [{ p: 0 }, { p: 1 }] },
        mark: { type: 'line', color: '#9ca3af', strokeDash: [4, 4] },
        encoding: { x: { field: 'p', type: 'quantitative' }, y: { field: 'p', type: 'quantitative' } },
      },
      {
        data: { values },
        mark: { type: 'line', point: { filled: true, size: 50 }, color: EVIDENCE_COLORS[1] },
        encoding: {
          x: { field: 'predicted', type: 'quantitative', title: c.reliabilityX, scale: { domain: [0, 1] }, axis },
          y: { field: 'observed', type: 'quantitative', title: c.reliabilityY, scale: { domain: [0, 1] }, axis },
          tooltip: [
            { field: 'predictedLabel', type: 'nominal', title: c.reliabilityX },
            { field: 'observedLabel', type: 'nominal', title: c.reliabilityY },
            { field: 'customersLabel', type: 'nominal', title: c.customers },
          ],
        },
      },
    ],
    config: CHART_CONFIG,
  };
}
