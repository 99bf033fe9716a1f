import type { TopLevelSpec } from 'vega-lite';
import type { ParetoPoint } from '../dynamics/types.js';
import { CHART_CONFIG, VL_SCHEMA } from './common.js';

/**
 * Value concentration: the share of revenue (and of 12-month CLV, when modelled) brought by the
 * top share of customers. The diagonal is what equal customers would look like.
 *
 * @example paretoCurveChart(dyn.pareto)
 */
export function paretoCurveChart(points: readonly ParetoPoint[]): TopLevelSpec {
  const values = [{ customerShare: 0, share: 0, measure: 'Revenue to date' }, { customerShare: 0, share: 0, measure: '12-month CLV' }].filter(
    (v) => v.measure === 'Revenue to date' || points.some((p) => p.clvShare !== null),
  );
  for (const p of points) {
    if (p.revenueShare !== null) values.push({ customerShare: p.customerShare, share: p.revenueShare, measure: 'Revenue to date' });
    if (p.clvShare !== null) values.push({ customerShare: p.customerShare, share: p.clvShare, measure: '12-month CLV' });
  }
  return {
    $schema: VL_SCHEMA,
    title: { text: 'Value concentration', subtitle: 'Share of value from the top customers (ranked by that value)' },
    description: 'Pareto curve: the horizontal axis is the top share of customers, the vertical axis the share of revenue (and of 12-month CLV) they account for.',
    width: 420,
    height: 300,
    layer: [
      {
        data: { values: [{ x: 0, y: 0 }, { x: 1, y: 1 }] },
        mark: { type: 'line', strokeDash: [4, 4], color: '#9ca3af' },
        encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
      },
      {
        data: { values },
        mark: { type: 'line', strokeWidth: 2.5 },
        encoding: {
          x: { field: 'customerShare', type: 'quantitative', title: 'Top share of customers', axis: { format: '.0%' } },
          y: { field: 'share', type: 'quantitative', title: 'Share of value', axis: { format: '.0%' } },
          color: { field: 'measure', type: 'nominal', title: null, scale: { range: ['#2563eb', '#0d9488'] } },
          tooltip: [
            { field: 'measure', title: 'Measure' },
            { field: 'customerShare', title: 'Top customers', format: '.0%' },
            { field: 'share', title: 'Share of value', format: '.1%' },
          ],
        },
      },
    ],
    config: CHART_CONFIG,
  };
}
