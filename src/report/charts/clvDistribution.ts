import type { TopLevelSpec } from 'vega-lite';
import { formatInt, formatMoney } from '../format.js';
import type { ClvBin } from '../models/types.js';
import { CHART_CONFIG, VL_SCHEMA } from './common.js';

/** A histogram bin with a readable range label for the tooltip and the axis. */
export interface ClvBinDatum extends ClvBin {
  rangeLabel: string;
  customersLabel: string;
}

const BAR_COLOR = '#2563eb';
const TAIL_COLOR = '#1e3a8a';

/**
 * The distribution of 12-month CLV as a histogram of pre-binned counts (bins read in SQL, so the
 * report stays small at any customer count). The last bin may be the open-ended top tail.
 *
 * @example vegaEmbed('#chart-clv-distribution', clvDistributionChart(data.models.clv.bins));
 */
export function clvDistributionChart(bins: readonly ClvBin[]): TopLevelSpec {
  const values: ClvBinDatum[] = bins.map((b) => ({
    ...b,
    rangeLabel: b.open ? `${formatMoney(b.lower)} or more` : `${formatMoney(b.lower)} to ${formatMoney(b.upper)}`,
    customersLabel: formatInt(b.customers),
  }));
  return {
    $schema: VL_SCHEMA,
    title: { text: 'Distribution of 12-month CLV', subtitle: 'Customers per CLV range; the darker last bar is the open-ended top tail' },
    description: 'Histogram: the horizontal axis is the 12-month customer lifetime value in ranges of equal width, the vertical axis the number of customers in each range.',
    data: { values },
    width: 420,
    height: 220,
    mark: { type: 'bar', binSpacing: 1 },
    encoding: {
      x: { field: 'lower', type: 'quantitative', title: '12-month CLV', bin: { binned: true }, axis: { format: '$,.0f' } },
      x2: { field: 'upper' },
      y: { field: 'customers', type: 'quantitative', title: 'Customers', axis: { format: ',d', tickMinStep: 1, grid: true, gridColor: '#eef0f3' } },
      color: { condition: { test: 'datum.open', value: TAIL_COLOR }, value: BAR_COLOR },
      tooltip: [
        { field: 'rangeLabel', type: 'nominal', title: '12-month CLV' },
        { field: 'customersLabel', type: 'nominal', title: 'Customers' },
      ],
    },
    config: CHART_CONFIG,
  };
}
