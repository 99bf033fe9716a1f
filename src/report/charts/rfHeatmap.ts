import type { TopLevelSpec } from 'vega-lite';
import { MISSING } from '../format.js';
import { EN, type ReportText } from '../i18n/index.js';
import { segmentName } from '../i18n/names.js';
import type { RfCell } from '../types.js';
import { FIT_WIDTH, VL_SCHEMA, chartConfig } from './common.js';

/** The five score values; the heatmap always shows all 5×5 cells, empty ones included. */
export const SCORES = [1, 2, 3, 4, 5] as const;

/** One heatmap cell with preformatted tooltip labels; empty cells have meanMonetary null. */
export interface HeatmapDatum {
  r: number;
  f: number;
  customers: number;
  meanMonetary: number | null;
  segment: string;
  customersLabel: string;
  meanMonetaryLabel: string;
}

const EMPTY_FILL = '#f3f4f6';

/**
 * R×F heatmap: recency score across, frequency score up, both ordinal 1..5 with all 25 cells
 * drawn. Colour is the cells' mean monetary value; each cell prints its customer count.
 *
 * @example
 * const spec = rfHeatmapChart(data.rfGrid);
 * vegaEmbed('#heatmap', spec);
 */
export function rfHeatmapChart(cells: readonly RfCell[], t: ReportText = EN): TopLevelSpec {
  const values = fullGrid(cells, t);
  const c = t.m.charts.heatmap;
  return {
    $schema: VL_SCHEMA,
    title: { text: c.title, subtitle: c.subtitle },
    description: c.description,
    data: { values },
    ...FIT_WIDTH,
    height: 360,
    encoding: {
      x: axis('r', c.x, [...SCORES]),
      y: axis('f', c.y, [...SCORES].reverse()),
      tooltip: [
        { field: 'r', type: 'ordinal', title: c.r },
        { field: 'f', type: 'ordinal', title: c.f },
        { field: 'customersLabel', type: 'nominal', title: t.m.common.customers },
        { field: 'meanMonetaryLabel', type: 'nominal', title: c.meanMonetary },
        { field: 'segment', type: 'nominal', title: t.m.common.segment },
      ],
    },
    layer: [
      // Background for every cell, so empty cells stay visible without a colour value.
      { mark: { type: 'rect', fill: EMPTY_FILL, stroke: '#ffffff', strokeWidth: 2 } },
      {
        transform: [{ filter: 'datum.customers > 0' }],
        mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 2 },
        encoding: {
          color: {
            field: 'meanMonetary',
            type: 'quantitative',
            title: c.meanMonetary,
            scale: { scheme: 'blues' },
            legend: { format: '$,.0f', orient: 'right' },
          },
        },
      },
      {
        mark: { type: 'text', fontSize: 13, fontWeight: 600 },
        encoding: {
          text: { field: 'customersLabel', type: 'nominal' },
          color: { condition: { test: darkCellTest(values), value: '#ffffff' }, value: '#111827' },
        },
      },
    ],
    config: chartConfig(t),
  };
}

function axis(field: 'r' | 'f', title: string, domain: number[]) {
  return {
    field,
    type: 'ordinal' as const,
    title,
    scale: { domain },
    axis: { labelAngle: 0, ticks: false, domain: false },
  };
}

/** All 25 R×F cells in row order; cells missing from the data get zero customers. */
export function fullGrid(cells: readonly RfCell[], t: ReportText = EN): HeatmapDatum[] {
  const byKey = new Map(cells.map((c) => [`${c.r}:${c.f}`, c]));
  return SCORES.flatMap((f) => SCORES.map((r) => toDatum(r, f, byKey.get(`${r}:${f}`), t)));
}

function toDatum(r: number, f: number, cell: RfCell | undefined, t: ReportText): HeatmapDatum {
  if (!cell || cell.customers <= 0) {
    return { r, f, customers: 0, meanMonetary: null, segment: MISSING, customersLabel: '0', meanMonetaryLabel: MISSING };
  }
  return {
    r,
    f,
    customers: cell.customers,
    meanMonetary: cell.meanMonetary,
    segment: segmentName(cell.segment, t),
    customersLabel: t.fmt.int(cell.customers),
    meanMonetaryLabel: t.fmt.money(cell.meanMonetary),
  };
}

/** White text on the darker end of the colour scale keeps the counts readable. */
function darkCellTest(values: HeatmapDatum[]): string {
  const m = values.flatMap((v) => (v.meanMonetary === null ? [] : [v.meanMonetary]));
  if (m.length === 0) return 'false';
  const min = Math.min(...m);
  const max = Math.max(...m);
  if (max <= min) return 'false';
  return `datum.meanMonetary !== null && datum.meanMonetary > ${min + 0.55 * (max - min)}`;
}
