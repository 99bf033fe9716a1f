import { formatInt, formatMoney, formatPct } from '../format.js';
import type { ModelsReport, ValueTierRow } from '../models/types.js';
import { chartDiv } from './chartSlot.js';
import { noData, renderTable, type Column } from './table.js';
import { html, type SafeHtml } from './tag.js';

/** Id of the CLV histogram's placeholder div. */
export const CLV_CHART_ID = 'chart-clv-distribution';

const TIER_LABELS: Record<string, string> = { top: 'Top', mid: 'Middle', low: 'Rest' };

function tierColumns(m: ModelsReport): Column<ValueTierRow>[] {
  const t = m.assumptions?.valueTiers;
  const label = (tier: string): string =>
    t === undefined ? TIER_LABELS[tier] ?? tier
    : tier === 'top' ? `Top ${formatPct(t.top)}`
    : tier === 'mid' ? `Next ${formatPct(t.mid)}`
    : 'Rest';
  return [
    { header: 'Value tier', cell: (r) => label(r.tier) },
    { header: 'Customers', cell: (r) => formatInt(r.customers), numeric: true },
    { header: 'Share', cell: (r) => formatPct(r.share), numeric: true },
    { header: '12-month CLV', cell: (r) => formatMoney(r.clv), numeric: true },
    { header: 'Share of CLV', cell: (r) => formatPct(r.clvShare), numeric: true },
    { header: 'Mean CLV', cell: (r) => formatMoney(r.meanClv), numeric: true },
    { header: 'CLV from', cell: (r) => formatMoney(r.minClv), numeric: true },
    { header: 'Value to date', cell: (r) => formatMoney(r.historicValue), numeric: true },
  ];
}

/**
 * The Customer value (CLV) section: the assumptions behind the numbers, historic against future
 * value, the CLV distribution and the value tiers.
 *
 * @example renderClv(data.models)
 */
export function renderClv(models: ModelsReport | null): SafeHtml {
  const clv = models?.clv ?? null;
  const body =
    clv === null || models === null
      ? noData('No CLV for this run: it was analysed before CLV existed, or no churn model could be fitted (see Model quality)')
      : [
          html`<p>${assumptions(models)}</p>`,
          html`<p>Historic and future value: these ${formatInt(clv.customers)} customers have brought <strong>${formatMoney(clv.totalHistoric)}</strong> to date and are expected to bring <strong>${formatMoney(clv.totalClv)}</strong> over the next ${models.assumptions ? `${models.assumptions.clv.months} months` : 'year'} (discounted): ${formatMoney(clv.meanClv)} per customer on average, ${formatMoney(clv.medianClv)} for the median customer.</p>`,
          chartDiv(CLV_CHART_ID, 'Histogram of 12-month customer lifetime value'),
          renderTable('Customers and value per value tier (ranked by 12-month CLV)', tierColumns(models), clv.tiers),
        ];
  return html`<section id="clv" aria-labelledby="clv-h">
<h2 id="clv-h">Customer value (CLV)</h2>
${body}
</section>`;
}

function assumptions(m: ModelsReport): string {
  const a = m.assumptions;
  if (a === null) return 'The settings this run used were not recorded.';
  const yearly = (1 + a.clv.monthlyDiscount) ** 12 - 1;
  const margin = a.clv.margin === 1 ? 'a gross margin of 100% (so values are revenue; set a margin to see profit)' : `a gross margin of ${formatPct(a.clv.margin)}`;
  return `12-month CLV is the value each customer is expected to bring in the next ${a.clv.months} months: expected orders month by month (${m.churn?.scoredWith ?? 'churn'} model) times expected spend per order (Gamma-Gamma model), with ${margin}, discounted at ${formatPct(a.clv.monthlyDiscount)} a month (${formatPct(yearly)} a year). Value to date is net spend so far (returns deducted) at the same margin.`;
}
