import type { TopLevelSpec } from 'vega-lite';
import { EN, type ReportText } from '../i18n/index.js';
import type { PairRule } from '../products/types.js';
import { FIT_WIDTH, VL_SCHEMA, chartConfig } from './common.js';

/**
 * The strongest cross-sell rules as horizontal bars of lift, one per "A → B", strongest first;
 * the tooltip gives confidence, support and the baskets holding both.
 *
 * @example productPairsChart(data.products.pairs.filter((p) => p.scope === 'customer'))
 */
export function productPairsChart(rules: readonly PairRule[], t: ReportText = EN): TopLevelSpec {
  const m = t.m.products;
  const values = rules.map((r) => ({
    rule: `${r.antecedent} → ${r.consequent}`, lift: r.lift, liftLabel: `${t.fmt.decimal(r.lift, 2)}×`,
    confidence: t.fmt.pct(r.confidence), support: t.fmt.pct(r.support), both: t.fmt.int(r.both),
  }));
  return {
    $schema: VL_SCHEMA,
    title: { text: m.pairsTitle, subtitle: m.pairsCustomer },
    description: m.pairsAria,
    data: { values },
    ...FIT_WIDTH,
    height: Math.max(120, 24 * values.length),
    encoding: {
      y: { field: 'rule', type: 'nominal', title: null, sort: values.map((v) => v.rule), axis: { labelLimit: 220 } },
      x: { field: 'lift', type: 'quantitative', title: m.liftCol },
      tooltip: [
        { field: 'rule', type: 'nominal', title: `${m.bought} → ${m.alsoBought}` },
        { field: 'liftLabel', type: 'nominal', title: m.liftCol },
        { field: 'confidence', type: 'nominal', title: m.confidence },
        { field: 'support', type: 'nominal', title: m.support },
        { field: 'both', type: 'nominal', title: m.both },
      ],
    },
    layer: [
      { mark: { type: 'bar', color: '#2563eb' } },
      { mark: { type: 'text', align: 'left', dx: 4, fontSize: 11 }, encoding: { text: { field: 'confidence', type: 'nominal' } } },
    ],
    config: chartConfig(t),
  };
}

/**
 * Weekly product revenue of the largest items, one line each.
 *
 * @example productWeeklyChart(data.products.weekly)
 */
export function productWeeklyChart(weekly: readonly { weekStart: string; name: string; revenue: number }[], t: ReportText = EN): TopLevelSpec {
  const m = t.m.products;
  return {
    $schema: VL_SCHEMA,
    title: { text: m.weeklyTitle },
    description: m.weeklyAria,
    data: { values: weekly.map((w) => ({ ...w, revenueLabel: t.fmt.money(w.revenue) })) },
    ...FIT_WIDTH,
    height: 240,
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'weekStart', type: 'temporal', title: m.week },
      y: { field: 'revenue', type: 'quantitative', title: t.m.common.revenue, axis: { format: '$,.0f' } },
      color: { field: 'name', type: 'nominal', title: null, legend: { orient: 'bottom', columns: 2, labelLimit: 180 } },
      tooltip: [
        { field: 'name', type: 'nominal', title: null },
        { field: 'weekStart', type: 'temporal', title: m.week },
        { field: 'revenueLabel', type: 'nominal', title: t.m.common.revenue },
      ],
    },
    config: chartConfig(t),
  };
}
