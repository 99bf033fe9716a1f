import type { TopLevelSpec } from 'vega-lite';
import type { CohortCell } from '../dynamics/types.js';
import { EN, type ReportText } from '../i18n/index.js';
import { VL_SCHEMA, chartConfig } from './common.js';

/**
 * The cohort retention triangle: cohorts (month of first purchase) down, months since first
 * purchase across, each cell the share of the cohort that bought in that month.
 *
 * @example cohortTriangleChart(dyn.cohorts)
 */
export function cohortTriangleChart(cells: readonly CohortCell[], t: ReportText = EN): TopLevelSpec {
  const { m } = t;
  const c = m.charts.cohorts;
  const values = cells.map((x) => ({ ...x, label: `${Math.round(x.share * 100)}%` }));
  return {
    $schema: VL_SCHEMA,
    title: { text: c.title, subtitle: c.subtitle },
    description: c.description,
    data: { values },
    width: { step: 30 },
    height: { step: 20 },
    encoding: {
      y: { field: 'cohort', type: 'ordinal', title: c.y },
      x: { field: 'monthsSince', type: 'ordinal', title: c.x },
      tooltip: [
        { field: 'cohort', title: m.dynamics.cohort },
        { field: 'monthsSince', title: c.monthsSince },
        { field: 'customers', title: m.dynamics.cohortSize, format: ',' },
        { field: 'active', title: c.bought, format: ',' },
        { field: 'share', title: m.common.share, format: '.1%' },
        { field: 'revenue', title: m.common.revenue, format: '$,.0f' },
      ],
    },
    layer: [
      {
        transform: [{ filter: 'datum.monthsSince > 0' }],
        mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 1 },
        encoding: { color: { field: 'share', type: 'quantitative', title: m.common.share, scale: { scheme: 'greens', domain: [0, 0.5], clamp: true }, legend: { format: '.0%' } } },
      },
      {
        transform: [{ filter: 'datum.monthsSince == 0' }],
        mark: { type: 'rect', fill: '#e5e7eb', stroke: '#ffffff', strokeWidth: 1 },
      },
      { mark: { type: 'text', fontSize: 9 }, encoding: { text: { field: 'label' } } },
    ],
    config: chartConfig(t),
  };
}
