import { EN, type ReportText } from '../i18n/index.js';
import { segmentName } from '../i18n/names.js';
import type { AtRiskCustomer, ChurnBandRow, ModelsReport } from '../models/types.js';
import { chartDiv } from './chartSlot.js';
import { noData, renderTable, type Column } from './table.js';
import { html, type SafeHtml } from './tag.js';

/** Id of the churn-band chart's placeholder div. */
export const CHURN_CHART_ID = 'chart-churn-bands';

/**
 * A churn band's name in the report's language (the stored code when the catalogue lacks it).
 * @example bandName('high', EN) // 'high'
 */
export const bandName = (band: string, t: ReportText = EN): string => t.m.churn.bands[band] ?? band;

function bandColumns(t: ReportText): Column<ChurnBandRow>[] {
  const { m, fmt } = t;
  return [
    { header: m.churn.band, cell: (b) => bandName(b.band, t) },
    { header: m.common.customers, cell: (b) => fmt.int(b.customers), numeric: true },
    { header: m.common.share, cell: (b) => fmt.pct(b.share), numeric: true },
    { header: m.churn.meanRisk, cell: (b) => fmt.pct(b.meanRisk), numeric: true },
    { header: m.common.clv12, money: (b) => b.clv },
    { header: m.common.valueToDate, money: (b) => b.historicValue },
  ];
}

function atRiskColumns(t: ReportText): Column<AtRiskCustomer>[] {
  const { m, fmt } = t;
  return [
    { header: m.common.customer, cell: (c) => c.customerId },
    { header: m.common.segment, cell: (c) => segmentName(c.segment, t) },
    { header: m.churn.risk, cell: (c) => fmt.pct(c.churnRisk), numeric: true },
    { header: m.common.clv12, money: (c) => c.clv },
    { header: m.common.valueToDate, money: (c) => c.historicValue },
    { header: m.common.orders, cell: (c) => fmt.int(c.orders), numeric: true },
    // the reason is stored in English by the scoring step; it is data, shown as written
    { header: m.churn.why, cell: (c) => c.reason, prose: true },
  ];
}

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
export function renderChurn(models: ModelsReport | null, t: ReportText = EN): SafeHtml {
  const churn = models?.churn ?? null;
  const m = t.m.churn;
  const body =
    churn === null || models === null
      ? noData(m.none)
      : [
          html`<p>${explain(models, t)}</p>`,
          modelWarnings(models.notes),
          chartDiv(CHURN_CHART_ID, m.chartAria, t),
          renderTable(m.bandsCaption, bandColumns(t), churn.bands, { t }),
          html`<h3>${m.atRiskTitle}</h3>
<p>${m.atRiskIntro(t.fmt.int(churn.atRisk.length))}</p>`,
          churn.atRisk.length === 0 ? noData(m.noHigh) : renderTable(m.atRiskCaption, atRiskColumns(t), churn.atRisk, { t }),
        ];
  return html`<section id="churn" aria-labelledby="churn-h">
<h2 id="churn-h">${m.title}</h2>
${body}
</section>`;
}

function explain(models: ModelsReport, t: ReportText): string {
  const a = models.assumptions;
  const m = t.m.churn;
  const horizon = a ? t.m.common.days(t.fmt.int(a.horizonDays)) : m.theHorizon;
  const bands = a ? m.bandsSentence(t.fmt.pct(a.churnBands.high), t.fmt.pct(a.churnBands.medium)) : '';
  return m.explain(horizon, models.churn!.scoredWith, bands);
}
