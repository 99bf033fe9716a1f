import type { TopLevelSpec } from 'vega-lite';
import { EN, type ReportText } from '../i18n/index.js';
import type { MoveCell } from '../dynamics/types.js';
import { CHART_CONFIG, COUNT_AXIS, VL_SCHEMA } from './common.js';

/**
 * A from → to matrix (segments or states between two runs): rows are where customers were, columns
 * where they are now, colour and label the number of customers. The diagonal is who stayed.
 *
 * @example moveMatrixChart(dyn.segmentMoves, { title: 'Segment movement', from: 'Last run', to: 'This run' })
 */
export function moveMatrixChart(
  cells: readonly MoveCell[],
  labels: { title: string; subtitle: string; from: string; to: string; order?: string[]; name?: (code: string) => string },
  t: ReportText = EN,
): TopLevelSpec {
  // codes (states) are shown by name; ordering still uses the codes
  const name = labels.name ?? ((code: string) => code);
  const cellsShown = cells.map((c) => ({ ...c, from: name(c.from), to: name(c.to) }));
  const values = cellsShown.map((c) => ({ ...c, label: t.fmt.int(c.customers), stayed: c.from === c.to }));
  // white labels on the darkest cells (the sqrt colour scale passes mid-tone at a quarter of the max)
  const max = Math.max(0, ...cells.map((c) => c.customers));
  const textColor = { condition: { test: `datum.customers > ${max / 4}`, value: '#ffffff' }, value: '#111827' };
  const order = (labels.order ?? [...new Set(cells.flatMap((c) => [c.from, c.to]))].sort()).map(name);
  const dim = (field: 'from' | 'to', title: string) => ({
    field, type: 'nominal' as const, title, sort: order.filter((o) => cellsShown.some((c) => c[field] === o)),
    axis: { labelLimit: 160, ...(field === 'to' ? { orient: 'top' as const, labelAngle: -35 } : {}) },
  });
  return {
    $schema: VL_SCHEMA,
    title: { text: labels.title, subtitle: labels.subtitle },
    description: t.m.charts.moves.description(labels.title, labels.from, labels.to),
    data: { values },
    width: { step: 40 },
    height: { step: 26 },
    encoding: {
      y: dim('from', labels.from),
      x: dim('to', labels.to),
      tooltip: [
        { field: 'from', title: labels.from },
        { field: 'to', title: labels.to },
        { field: 'label', title: t.m.common.customers },
      ],
    },
    layer: [
      {
        mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 1 },
        encoding: { color: { field: 'customers', type: 'quantitative', title: t.m.common.customers, scale: { scheme: 'oranges', type: 'sqrt' }, legend: COUNT_AXIS } },
      },
      // customers who stayed in bold, movers in regular weight
      { transform: [{ filter: 'datum.stayed' }], mark: { type: 'text', fontSize: 11, fontWeight: 700 }, encoding: { text: { field: 'label' }, color: textColor } },
      { transform: [{ filter: '!datum.stayed' }], mark: { type: 'text', fontSize: 11 }, encoding: { text: { field: 'label' }, color: textColor } },
    ],
    config: CHART_CONFIG,
  };
}
