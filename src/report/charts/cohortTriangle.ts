import type { TopLevelSpec } from 'vega-lite';
import type { CohortCell } from '../dynamics/types.js';
import { CHART_CONFIG, VL_SCHEMA } from './common.js';

/**
 * The cohort retention triangle: cohorts (month of first purchase) down, months since first
 * purchase across, each cell the share of the cohort that bought in that month.
 *
 * @example cohortTriangleChart(dyn.cohorts)
 */
export function cohortTriangleChart(cells: readonly CohortCell[]): TopLevelSpec {
  const values = cells.map((c) => ({ ...c, label: `${Math.round(c.share * 100)}%` }));
  return {
    $schema: VL_SCHEMA,
    title: { text: 'Cohort retention', subtitle: 'Share of each first-purchase cohort that bought again, by months since the first purchase' },
    description: 'Retention triangle: rows are cohorts by month of first purchase, columns months since that purchase; each cell is the share of the cohort buying in that month. Month 0 is always 100%.',
    data: { values },
    width: { step: 30 },
    height: { step: 20 },
    encoding: {
      y: { field: 'cohort', type: 'ordinal', title: 'Cohort (first purchase)' },
      x: { field: 'monthsSince', type: 'ordinal', title: 'Months since first purchase' },
      tooltip: [
        { field: 'cohort', title: 'Cohort' },
        { field: 'monthsSince', title: 'Months since' },
        { field: 'customers', title: 'Cohort size', format: ',' },
        { field: 'active', title: 'Bought', format: ',' },
        { field: 'share', title: 'Share', format: '.1%' },
        { field: 'revenue', title: 'Revenue', format: '$,.0f' },
      ],
    },
    layer: [
      {
        transform: [{ filter: 'datum.monthsSince > 0' }],
        mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 1 },
        encoding: { color: { field: 'share', type: 'quantitative', title: 'Share', scale: { scheme: 'greens', domain: [0, 0.5], clamp: true }, legend: { format: '.0%' } } },
      },
      {
        transform: [{ filter: 'datum.monthsSince == 0' }],
        mark: { type: 'rect', fill: '#e5e7eb', stroke: '#ffffff', strokeWidth: 1 },
      },
      { mark: { type: 'text', fontSize: 9 }, encoding: { text: { field: 'label' } } },
    ],
    config: CHART_CONFIG,
  };
}
