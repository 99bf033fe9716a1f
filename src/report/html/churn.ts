import type { UsedModelsConfig } from '../../models/config.js';
import { churnReasonText, horizonSpan, reasonFacts } from '../../models/reason.js';
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

/**
 * A band's churn-risk range from the run's thresholds, e.g. "80.0% or more"; empty when not recorded.
 * @example bandRange('medium', { medium: 0.5, high: 0.8 }, EN) // '50.0% to under 80.0%'
 */
export function bandRange(band: string, bands: { medium: number; high: number } | undefined, t: ReportText = EN): string {
  if (!bands) return '';
  const { m, fmt } = t;
  if (band === 'high') return m.churn.rangeHigh(fmt.pct(bands.high));
  if (band === 'medium') return m.churn.rangeMid(fmt.pct(bands.medium), fmt.pct(bands.high));
  return m.churn.rangeLow(fmt.pct(bands.medium));
}

function bandColumns(t: ReportText, a: UsedModelsConfig | null): Column<ChurnBandRow>[] {
  const { m, fmt } = t;
  return [
    { header: m.churn.band, cell: (b) => bandName(b.band, t) },
    { header: m.churn.range, cell: (b) => bandRange(b.band, a?.churnBands, t) },
    { header: m.common.customers, cell: (b) => fmt.int(b.customers), numeric: true },
    { header: m.common.share, cell: (b) => fmt.pct(b.share), numeric: true },
    { header: m.churn.meanRisk, cell: (b) => fmt.pct(b.meanRisk), numeric: true },
    { header: m.common.clv12, money: (b) => b.clv },
    { header: m.common.valueToDate, money: (b) => b.historicValue },
  ];
}

/**
 * A worth-saving customer's reason in the report's language, from the same numbers and the same
 * function as the stored English churn_reason (the list holds high-band customers only).
 */
const reasonIn = (c: AtRiskCustomer, horizonDays: number | null, t: ReportText): string =>
  horizonDays === null ? c.reason : churnReasonText(reasonFacts({ x: c.x, txDays: c.txDays, TDays: c.TDays, band: 'high', horizonDays }), t.m.reasons);

function atRiskColumns(t: ReportText, horizonDays: number | null): Column<AtRiskCustomer>[] {
  const { m, fmt } = t;
  return [
    { header: m.common.customer, cell: (c) => c.customerId },
    { header: m.common.segment, cell: (c) => segmentName(c.segment, t) },
    { header: m.churn.risk, cell: (c) => fmt.pct(c.churnRisk), numeric: true },
    { header: m.churn.valueIfKept, money: (c) => c.valueIfKept },
    { header: m.common.clv12, money: (c) => c.clv },
    { header: m.common.valueToDate, money: (c) => c.historicValue },
    { header: m.common.orders, cell: (c) => fmt.int(c.orders), numeric: true },
    { header: m.churn.why, cell: (c) => reasonIn(c, horizonDays, t), prose: true },
  ];
}

/** The run's model warnings (fallbacks, thin data), or nothing. */
export function modelWarnings(notes: readonly string[]): SafeHtml | null {
  if (notes.length === 0) return null;
  return html`<ul class="warning">${notes.map((n) => html`<li>${n.replace(/^churn\/CLV:?\s*/, '')}</li>`)}</ul>`;
}

/**
 * The Churn risk section: customers per risk band with the band thresholds (chart and table) and
 * the first customers of the worth-saving list with the reason behind each score, so a marketer
 * knows whom to call first. Fit warnings (optimiser details) are in Model quality; the first
 * screen's trust note says in plain words when the numbers are rough.
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
          backtestCheck(models, t),
          chartDiv(CHURN_CHART_ID, m.chartAria, t),
          renderTable(m.bandsCaption, bandColumns(t, models.assumptions), churn.bands, { t }),
          html`<h3>${m.atRiskTitle}</h3>
<p>${m.atRiskIntro(t.fmt.int(churn.atRisk.length), t.fmt.int(churn.highValueAtRisk.customers), tierNames(churn.highValueTiers, t))}</p>`,
          churn.atRisk.length === 0 ? noData(m.noHigh) : renderTable(m.atRiskCaption, atRiskColumns(t, churn.horizonDays), churn.atRisk, { t }),
        ];
  return html`<section id="churn" aria-labelledby="churn-h">
<h2 id="churn-h">${m.title}</h2>
${body}
</section>`;
}

/** The latest backtest's per-band check (observed no-order share against predicted risk), when it has one. */
function backtestCheck(models: ModelsReport, t: ReportText): SafeHtml | null {
  const b = models.backtest;
  const rows = (b?.bands ?? []).filter((r) => r.customers > 0 && r.observed_no_order !== null && r.mean_risk !== null);
  if (!b || rows.length === 0) return null;
  const { m, fmt } = t;
  const text = rows.map((r) => m.churn.backtestRow(bandName(r.band, t), fmt.pct(r.observed_no_order!), fmt.pct(r.mean_risk!))).join(t.locale === 'zh-CN' ? '；' : '; ');
  return html`<p class="note">${m.churn.backtestCheck(b.calibrationEnd, fmt.int(b.churnHorizonDays), text)}</p>`;
}

/** "top" / "top, middle": the tiers "high value" meant, in the report's language. */
const tierNames = (tiers: readonly string[], t: ReportText): string => tiers.map((x) => t.m.clv.tierNames[x] ?? x).join(', ').toLowerCase();

function explain(models: ModelsReport, t: ReportText): string {
  const a = models.assumptions;
  const m = t.m.churn;
  const horizon = a ? t.m.reasons.span(horizonSpan(a.horizonDays)) : m.theHorizon;
  const bands = a ? m.bandsSentence(t.fmt.pct(a.churnBands.high), t.fmt.pct(a.churnBands.medium)) : '';
  return m.explain(horizon, models.churn!.scoredWith, bands) + (a ? horizonSentence(a, horizon, t) : '');
}

/** How the horizon was chosen: the purchase cycle, its fallback, or the settings. */
function horizonSentence(a: UsedModelsConfig, horizon: string, t: ReportText): string {
  const h = a.horizon;
  const m = t.m.churn;
  if (!h || h.source === 'set') return m.horizonSet(horizon);
  if (h.fallback || h.cycleDays === null) return m.horizonFallback(horizon, t.fmt.int(h.repeatCustomers));
  return m.horizonAuto(horizon, t.fmt.int(Math.round(h.cycleDays)), t.fmt.int(h.repeatCustomers));
}
