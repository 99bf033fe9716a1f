import type { TopLevelSpec } from 'vega-lite';
import type { ParetoPoint } from '../dynamics/types.js';
import { EN, type ReportText } from '../i18n/index.js';
import { CHART_CONFIG, FIT_WIDTH, VL_SCHEMA } from './common.js';

/**
 * Value concentration: the share of revenue (and of 12-month CLV, when modelled) brought by the
 * top share of customers. The diagonal is what equal customers would look like.
 *
 * @example paretoCurveChart(dyn.pareto)
 */
export function paretoCurveChart(points: readonly ParetoPoint[], t: ReportText = EN): TopLevelSpec {
  const c = t.m.charts.pareto;
  const values = [{ customerShare: 0, share: 0, measure: c.revenue }, { customerShare: 0, share: 0, measure: c.clv }].filter(
    (v) => v.measure === c.revenue || points.some((p) => p.clvShare !== null),
  );
  for (const p of points) {
    if (p.revenueShare !== null) values.push({ customerShare: p.customerShare, share: p.revenueShare, measure: c.revenue });
    if (p.clvShare !== null) values.push({ customerShare: p.customerShare, share: p.clvShare, measure: c.clv });
  }
  return {
    $schema: VL_SCHEMA,
    title: { text: c.title, subtitle: c.subtitle },
    description: c.description,
    ...FIT_WIDTH,
    height: 300,
    layer: [
      {
        data: { values: [{ x: 0, y: 0 }, { x: 1, y: 1 }] },
        mark: { type: 'line', strokeDash: [4, 4], color: '#9ca3af' },
        encoding: { x: { field: 'x', type: 'quantitative', scale: { domain: [0, 1], nice: false } }, y: { field: 'y', type: 'quantitative', scale: { domain: [0, 1], nice: false } } },
      },
      {
        data: { values },
        mark: { type: 'line', strokeWidth: 2.5 },
        encoding: {
          // shares: both axes end at 100%, not at a "nice" 110%
          x: { field: 'customerShare', type: 'quantitative', title: c.x, scale: { domain: [0, 1], nice: false }, axis: { format: '.0%' } },
          y: { field: 'share', type: 'quantitative', title: c.y, scale: { domain: [0, 1], nice: false }, axis: { format: '.0%' } },
          color: { field: 'measure', type: 'nominal', title: null, scale: { range: ['#2563eb', '#0d9488'] }, legend: { orient: 'bottom' } },
          tooltip: [
            { field: 'measure', title: c.measure },
            { field: 'customerShare', title: c.topCustomers, format: '.0%' },
            { field: 'share', title: c.y, format: '.1%' },
          ],
        },
      },
    ],
    config: CHART_CONFIG,
  };
}
