import type { TopLevelSpec } from 'vega-lite';
import { EN, type ReportText } from '../i18n/index.js';
import type { ChurnBandRow } from '../models/types.js';
import { CHART_CONFIG, FIT_WIDTH, VL_SCHEMA } from './common.js';

/** A band row plus preformatted labels, so tooltips match the tables exactly. */
export interface ChurnBandDatum extends ChurnBandRow {
  bandLabel: string;
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
export function churnBandsChart(bands: readonly ChurnBandRow[], t: ReportText = EN): TopLevelSpec {
  const { m, fmt } = t;
  const c = m.charts.churn;
  const values: ChurnBandDatum[] = bands.map((b) => ({
    ...b,
    bandLabel: m.churn.bands[b.band] ?? b.band,
    customersLabel: fmt.int(b.customers),
    shareLabel: fmt.pct(b.share),
    meanRiskLabel: fmt.pct(b.meanRisk),
    clvLabel: fmt.money(b.clv),
  }));
  const order = BAND_ORDER.map((b) => m.churn.bands[b] ?? b);
  return {
    $schema: VL_SCHEMA,
    title: { text: c.title, subtitle: c.subtitle },
    description: c.description,
    data: { values },
    ...FIT_WIDTH,
    height: 120,
    mark: { type: 'bar', cornerRadiusEnd: 2 },
    encoding: {
      y: { field: 'bandLabel', type: 'nominal', title: m.churn.band, sort: order, scale: { domain: order } },
      x: { field: 'customers', type: 'quantitative', title: m.common.customers, axis: { format: ',d', tickMinStep: 1, grid: true, gridColor: '#eef0f3' } },
      color: { field: 'bandLabel', type: 'nominal', scale: { domain: order, range: BAND_COLORS }, legend: null },
      tooltip: [
        { field: 'bandLabel', type: 'nominal', title: m.churn.band },
        { field: 'customersLabel', type: 'nominal', title: m.common.customers },
        { field: 'shareLabel', type: 'nominal', title: m.charts.segments.shareOfCustomers },
        { field: 'meanRiskLabel', type: 'nominal', title: m.churn.meanRisk },
        { field: 'clvLabel', type: 'nominal', title: m.common.clv12 },
      ],
    },
    config: CHART_CONFIG,
  };
}
