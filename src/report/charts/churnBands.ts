import type { TopLevelSpec } from 'vega-lite';
import { formatInt, formatMoney, formatPct } from '../format.js';
import type { ChurnBandRow } from '../models/types.js';
import { CHART_CONFIG, VL_SCHEMA } from './common.js';

/** A band row plus preformatted labels, so tooltips match the tables exactly. */
export interface ChurnBandDatum extends ChurnBandRow {
  customersLabel: string;
  shareLabel: string;
  meanRiskLabel: string;
  clvLabel: string;
}

const BAND_ORDER = ['low', 'medium', 'high'];
const BAND_COLORS = ['#16a34a', '#d97706', '#dc2626'];

/**
 * Customers per churn band (low, medium, high risk of no order within the horizon) as horizontal
 * bars, with each band's 12-month CLV in the tooltip: how many customers are slipping, and how
 * much future value they carry.
 *
 * @example vegaEmbed('#chart-churn-bands', churnBandsChart(data.models.churn.bands));
 */
export function churnBandsChart(bands: readonly ChurnBandRow[]): TopLevelSpec {
  const values: ChurnBandDatum[] = bands.map((b) => ({
    ...b,
    customersLabel: formatInt(b.customers),
    shareLabel: formatPct(b.share),
    meanRiskLabel: formatPct(b.meanRisk),
    clvLabel: formatMoney(b.clv),
  }));
  return {
    $schema: VL_SCHEMA,
    title: { text: 'Customers by churn risk', subtitle: 'Risk = chance of no order within the horizon' },
    description: 'Horizontal bar chart of the number of customers in each churn-risk band (low, medium, high), with the 12-month CLV of each band in the tooltip.',
    data: { values },
    width: 360,
    height: 120,
    mark: { type: 'bar', cornerRadiusEnd: 2 },
    encoding: {
      y: { field: 'band', type: 'nominal', title: 'Churn band', sort: BAND_ORDER, scale: { domain: BAND_ORDER } },
      x: { field: 'customers', type: 'quantitative', title: 'Customers', axis: { format: ',d', tickMinStep: 1, grid: true, gridColor: '#eef0f3' } },
      color: { field: 'band', type: 'nominal', scale: { domain: BAND_ORDER, range: BAND_COLORS }, legend: null },
      tooltip: [
        { field: 'band', type: 'nominal', title: 'Churn band' },
        { field: 'customersLabel', type: 'nominal', title: 'Customers' },
        { field: 'shareLabel', type: 'nominal', title: 'Share of customers' },
        { field: 'meanRiskLabel', type: 'nominal', title: 'Mean churn risk' },
        { field: 'clvLabel', type: 'nominal', title: '12-month CLV' },
      ],
    },
    config: CHART_CONFIG,
  };
}
