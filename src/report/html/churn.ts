import { formatInt, formatMoney, formatPct } from '../format.js';
import type { AtRiskCustomer, ChurnBandRow, ModelsReport } from '../models/types.js';
import { chartDiv } from './chartSlot.js';
import { noData, renderTable, type Column } from './table.js';
import { html, type SafeHtml } from './tag.js';

/** Id of the churn-band chart's placeholder div. */
export const CHURN_CHART_ID = 'chart-churn-bands';

const BAND_COLUMNS: Column<ChurnBandRow>[] = [
  { header: 'Churn band', cell: (b) => b.band },
  { header: 'Customers', cell: (b) => formatInt(b.customers), numeric: true },
  { header: 'Share', cell: (b) => formatPct(b.share), numeric: true },
  { header: 'Mean churn risk', cell: (b) => formatPct(b.meanRisk), numeric: true },
  { header: '12-month CLV', cell: (b) => formatMoney(b.clv), numeric: true },
  { header: 'Value to date', cell: (b) => formatMoney(b.historicValue), numeric: true },
];

const AT_RISK_COLUMNS: Column<AtRiskCustomer>[] = [
  { header: 'Customer', cell: (c) => c.customerId },
  { header: 'Segment', cell: (c) => c.segment },
  { header: 'Churn risk', cell: (c) => formatPct(c.churnRisk), numeric: true },
  { header: '12-month CLV', cell: (c) => formatMoney(c.clv), numeric: true },
  { header: 'Value to date', cell: (c) => formatMoney(c.historicValue), numeric: true },
  { header: 'Orders', cell: (c) => formatInt(c.orders), numeric: true },
  { header: 'Why', cell: (c) => c.reason },
];

/** The run's model warnings (fallbacks, thin data), or nothing. */
export function modelWarnings(notes: readonly string[]): SafeHtml | null {
  if (notes.length === 0) return null;
  return html`<ul class="warning">${notes.map((n) => html`<li>${n.replace(/^churn\/CLV:?\s*/, '')}</li>`)}</ul>`;
}

/**
 * The Churn risk section: customers per risk band (chart and table) and the most valuable
 * high-risk customers with the reason behind each score, so a marketer knows whom to call first.
 *
 * @example renderChurn(data.models)
 */
export function renderChurn(models: ModelsReport | null): SafeHtml {
  const churn = models?.churn ?? null;
  const body =
    churn === null || models === null
      ? noData('No churn scores for this run: it was analysed before churn models existed, or no churn model could be fitted (see Model quality)')
      : [
          html`<p>${explain(models)}</p>`,
          modelWarnings(models.notes),
          chartDiv(CHURN_CHART_ID, 'Bar chart of customers per churn-risk band'),
          renderTable('Customers, mean churn risk and value per churn band', BAND_COLUMNS, churn.bands),
          html`<h3>High-risk customers worth saving</h3>
<p>The ${formatInt(churn.atRisk.length)} customers in the high band with the highest 12-month CLV: the value that leaves with them if they go.</p>`,
          churn.atRisk.length === 0 ? noData('No customer is in the high-risk band') : renderTable('High-risk customers by 12-month CLV, with the reason for the score', AT_RISK_COLUMNS, churn.atRisk),
        ];
  return html`<section id="churn" aria-labelledby="churn-h">
<h2 id="churn-h">Churn risk</h2>
${body}
</section>`;
}

function explain(m: ModelsReport): string {
  const a = m.assumptions;
  const horizon = a ? `${a.horizonDays} days` : 'the horizon';
  const bands = a ? ` High: ${formatPct(a.churnBands.high)} or more; medium: ${formatPct(a.churnBands.medium)} or more; low: below.` : '';
  return `Churn risk is the chance that a customer places no order in the next ${horizon}: either they have already stopped buying, or they are still a customer but will not order by then. It comes from the ${m.churn!.scoredWith} model, fitted on every customer’s purchase history.${bands}`;
}
