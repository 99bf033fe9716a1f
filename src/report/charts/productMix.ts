import type { TopLevelSpec } from 'vega-lite';
import { EN, type ReportText } from '../i18n/index.js';
import type { MixCell } from '../products/types.js';
import { FIT_WIDTH, VL_SCHEMA, chartConfig } from './common.js';

/** One heatmap cell with its labels preformatted, so the tooltip reads like the table. */
interface MixDatum {
  group: string;
  item: string;
  lift: number | null;
  /** whole percents in the cell (fits a phone), the exact share in the tooltip */
  shareLabel: string;
  shareFull: string;
  liftLabel: string;
  buyersLabel: string;
}

/**
 * Heatmap of groups (rows, in the given order) by items (columns, in the given order): each cell
 * prints the share of the group's customers who bought the item, coloured by lift against the
 * whole base on a diverging scale centred on 1 (white: as the average; blue: more; orange: less).
 *
 * @example productMixChart(cells, ['Champions', 'At Risk'], ['Kitchen', 'Garden'], (s) => s, EN)
 */
export function productMixChart(cells: readonly MixCell[], groups: readonly string[], items: readonly string[], groupName: (g: string) => string, t: ReportText = EN, itemLabel = t.m.products.item['category']!): TopLevelSpec {
  const m = t.m.products;
  const values: MixDatum[] = cells.filter((c) => groups.includes(c.group) && items.includes(c.name)).map((c) => ({
    group: groupName(c.group), item: c.name, lift: c.customerLift, shareLabel: `${t.fmt.decimal(c.customerShare * 100, 0)}%`, shareFull: t.fmt.pct(c.customerShare),
    liftLabel: c.customerLift === null ? '' : `${t.fmt.decimal(c.customerLift, 1)}×`, buyersLabel: t.fmt.int(c.customers),
  }));
  const lifts = values.flatMap((v) => (v.lift === null || v.lift <= 0 ? [] : [Math.log(v.lift)]));
  const span = Math.exp(Math.max(Math.log(2), ...lifts.map(Math.abs)));
  return {
    $schema: VL_SCHEMA,
    title: { text: m.bySegment },
    description: m.heatmapAria,
    data: { values },
    ...FIT_WIDTH,
    height: Math.max(160, 30 * groups.length),
    encoding: {
      x: { field: 'item', type: 'nominal', title: itemLabel, sort: [...items], axis: { labelAngle: -40, labelLimit: 120 } },
      y: { field: 'group', type: 'nominal', title: null, sort: groups.map(groupName) },
      tooltip: [
        { field: 'group', type: 'nominal', title: t.m.common.segment },
        { field: 'item', type: 'nominal', title: itemLabel },
        { field: 'buyersLabel', type: 'nominal', title: m.buyers },
        { field: 'shareFull', type: 'nominal', title: m.customerShare },
        { field: 'liftLabel', type: 'nominal', title: m.liftCol },
      ],
    },
    layer: [
      {
        mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 1 },
        encoding: {
          color: {
            field: 'lift', type: 'quantitative', title: m.liftCol,
            // lift is neither good nor bad (a segment buying less Garden is no loss): a diverging
            // scheme without the report's red = worse / green = better valence colours
            scale: { type: 'log', domain: [1 / span, span], domainMid: 1, scheme: 'purpleorange', clamp: true },
            // below the grid: on a phone the columns need the width
            legend: { format: '.2~f', orient: 'bottom', gradientLength: 200 },
          },
        },
      },
      {
        mark: { type: 'text', fontSize: 10 },
        encoding: {
          text: { field: 'shareLabel', type: 'nominal' },
          // white on the scheme's dark ends, so every share stays legible
          color: { condition: { test: `datum.lift < ${(1 / span) ** 0.6} || datum.lift > ${span ** 0.75}`, value: '#ffffff' }, value: '#111111' },
        },
      },
    ],
    config: chartConfig(t),
  };
}
