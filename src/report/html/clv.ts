import { EN, type ReportText } from '../i18n/index.js';
import type { ModelsReport, ValueTierRow } from '../models/types.js';
import { chartDiv } from './chartSlot.js';
import { noData, renderTable, type Column } from './table.js';
import { html, type SafeHtml } from './tag.js';

/** Id of the CLV histogram's placeholder div. */
export const CLV_CHART_ID = 'chart-clv-distribution';

function tierColumns(models: ModelsReport, t: ReportText): Column<ValueTierRow>[] {
  const { m, fmt } = t;
  const shares = models.assumptions?.valueTiers;
  const label = (tier: string): string =>
    shares === undefined ? m.clv.tierNames[tier] ?? tier
    : tier === 'top' ? m.clv.top(fmt.pct(shares.top))
    : tier === 'mid' ? m.clv.next(fmt.pct(shares.mid))
    : m.clv.rest;
  return [
    { header: m.clv.tier, cell: (r) => label(r.tier) },
    { header: m.common.customers, cell: (r) => fmt.int(r.customers), numeric: true },
    { header: m.common.share, cell: (r) => fmt.pct(r.share), numeric: true },
    { header: m.common.clv12, money: (r) => r.clv },
    { header: m.clv.clvShare, cell: (r) => fmt.pct(r.clvShare), numeric: true },
    { header: m.clv.meanClv, money: (r) => r.meanClv },
    // tiers rank the 12-month value if kept, so that is where a tier starts
    { header: m.clv.keptFrom, money: (r) => r.minValueIfKept },
    { header: m.common.valueToDate, money: (r) => r.historicValue },
  ];
}

/**
 * The Customer value (CLV) section: the assumptions behind the numbers, historic against future
 * value, the CLV distribution (chart, and its bins as a table) and the value tiers.
 *
 * @example renderClv(data.models)
 */
export function renderClv(models: ModelsReport | null, t: ReportText = EN): SafeHtml {
  const clv = models?.clv ?? null;
  const { m, fmt } = t;
  const body =
    clv === null || models === null
      ? noData(m.clv.none)
      : [
          html`<p>${assumptions(models, t)}</p>`,
          html`<p>${m.clv.historicFuture(
            fmt.int(clv.customers), fmt.money(clv.totalHistoric), fmt.money(clv.totalClv),
            models.assumptions ? m.clv.months(fmt.int(models.assumptions.clv.months)) : m.clv.year, fmt.money(clv.meanClv), fmt.money(clv.medianClv),
          )}</p>`,
          chartDiv(CLV_CHART_ID, m.clv.chartAria, t),
          renderTable(m.clv.tiersCaption, tierColumns(models, t), clv.tiers, { t }),
          renderTable(m.clv.histogramCaption, [
            { header: m.clv.range, cell: (b) => (b.open ? m.charts.clv.orMore(fmt.money(b.lower)) : m.charts.clv.range(fmt.money(b.lower), fmt.money(b.upper))), numeric: true },
            { header: m.common.customers, cell: (b) => fmt.int(b.customers), numeric: true },
          ], clv.bins, { compact: true, collapse: true, t }),
        ];
  return html`<section id="clv" aria-labelledby="clv-h">
<h2 id="clv-h">${m.clv.title}</h2>
${body}
</section>`;
}

function assumptions(models: ModelsReport, t: ReportText): string {
  const a = models.assumptions;
  const { m, fmt } = t;
  if (a === null) return m.clv.notRecorded;
  const yearly = (1 + a.clv.monthlyDiscount) ** 12 - 1;
  const margin = a.clv.margin === 1 ? m.clv.margin100 : m.clv.margin(fmt.pct(a.clv.margin));
  return m.clv.assumptions(fmt.int(a.clv.months), models.churn?.scoredWith ?? 'churn', margin, fmt.pct(a.clv.monthlyDiscount), fmt.pct(yearly));
}
