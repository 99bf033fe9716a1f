import type { TopLevelSpec } from 'vega-lite';
import { EN, type ReportText } from '../i18n/index.js';
import type { ClvBin } from '../models/types.js';
import { FIT_WIDTH, VL_SCHEMA, chartConfig } from './common.js';

/** A histogram bin with a readable range label for the tooltip and the axis. */
export interface ClvBinDatum extends ClvBin {
  rangeLabel: string;
  customersLabel: string;
}

const BAR_COLOR = '#2563eb';
const CLV_AXIS = { tickCount: 5, labelOverlap: 'greedy', labelSeparation: 8, labelFlush: true } as const;
const TAIL_COLOR = '#1e3a8a';

/**
 * The distribution of 12-month CLV as a histogram of pre-binned counts (bins read in SQL, so the
 * report stays small at any customer count). The last bin may be the open-ended top tail.
 *
 * @example vegaEmbed('#chart-clv-distribution', clvDistributionChart(data.models.clv.bins));
 */
export function clvDistributionChart(bins: readonly ClvBin[], t: ReportText = EN): TopLevelSpec {
  const { m, fmt } = t;
  const c = m.charts.clv;
  const values: ClvBinDatum[] = bins.map((b) => ({
    ...b,
    rangeLabel: b.open ? c.orMore(fmt.money(b.lower)) : c.range(fmt.money(b.lower), fmt.money(b.upper)),
    customersLabel: fmt.int(b.customers),
  }));
  return {
    $schema: VL_SCHEMA,
    title: { text: c.title, subtitle: c.subtitle },
    description: c.description,
    data: { values },
    ...FIT_WIDTH,
    height: 220,
    mark: { type: 'bar', binSpacing: 1 },
    encoding: {
      x: {
        field: 'lower',
        type: 'quantitative',
        title: m.common.clv12,
        bin: { binned: true },
        // money labels are wide: fewer ticks, and overlapping ones dropped rather than drawn over each other
        axis: { ...CLV_AXIS, format: '$,.0f' },
      },
      x2: { field: 'upper' },
      y: { field: 'customers', type: 'quantitative', title: m.common.customers, axis: { format: ',d', tickMinStep: 1, grid: true, gridColor: '#eef0f3' } },
      color: { condition: { test: 'datum.open', value: TAIL_COLOR }, value: BAR_COLOR },
      tooltip: [
        { field: 'rangeLabel', type: 'nominal', title: m.common.clv12 },
        { field: 'customersLabel', type: 'nominal', title: m.common.customers },
      ],
    },
    config: chartConfig(t),
  };
}
