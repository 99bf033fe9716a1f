import type { TopLevelSpec } from 'vega-lite';
import { evidenceFrequencyChart } from '../charts/evidenceFrequency.js';
import { evidenceReliabilityChart } from '../charts/evidenceReliability.js';
import { evidenceTrackingChart } from '../charts/evidenceTracking.js';
import { MISSING } from '../format.js';
import { EN, type ReportText } from '../i18n/index.js';
import type { SelectionCandidate, SelectionReport } from '../models/types.js';
import { chartDiv } from './chartSlot.js';
import { renderTable, type Column } from './table.js';
import { html, type SafeHtml } from './tag.js';

export const EVIDENCE_FREQUENCY_CHART_ID = 'chart-evidence-frequency';
export const EVIDENCE_TRACKING_CHART_ID = 'chart-evidence-tracking';
export const EVIDENCE_RELIABILITY_CHART_ID = 'chart-evidence-reliability';

const NAMES: Record<string, string> = { bgnbd: 'BG/NBD', mbgnbd: 'MBG/NBD', pnbd: 'Pareto/NBD' };
const name = (k: string): string => NAMES[k] ?? k;

function candidateColumns(s: SelectionReport, t: ReportText): Column<SelectionCandidate>[] {
  const { m, fmt } = t;
  const num = (v: number | null, d = 3): string => (v === null ? MISSING : fmt.decimal(v, d));
  const mean = (c: SelectionCandidate): number | null => (c.aucExpectedOrders === null || c.aucChurnRisk === null ? null : (c.aucExpectedOrders + c.aucChurnRisk) / 2);
  return [
    { header: m.models.model, cell: (c) => `${name(c.model)}${c.model === s.chosen ? ` ✓ ${m.models.chosen}` : ''}${c.failed ? ` (${m.models.candidateFailed})` : ''}` },
    { header: m.models.mAucOrders, cell: (c) => num(c.aucExpectedOrders), numeric: true },
    { header: m.models.mAucChurn, cell: (c) => num(c.aucChurnRisk), numeric: true },
    { header: m.models.meanAuc, cell: (c) => num(mean(c), 4), numeric: true },
    { header: m.models.mCalibration, cell: (c) => num(c.calibrationError), numeric: true },
    { header: m.models.holdoutLogLik, cell: (c) => num(c.holdoutLogLikelihood, 4), numeric: true },
  ];
}

const meanAuc = (c: SelectionCandidate): number => ((c.aucExpectedOrders ?? Number.NaN) + (c.aucChurnRisk ?? Number.NaN)) / 2;

/**
 * The outcome in the report's language, from the stored candidates by the same rule as
 * selectModel (the stored English reason stays in model_selection for SQL readers).
 */
function outcome(s: SelectionReport, t: ReportText): string {
  const m = t.m.models;
  const ok = s.candidates.filter((c) => c.failed === null && c.calibrationError !== null);
  const chosen = ok.find((c) => c.model === s.chosen);
  if (!chosen) return s.reason;
  const best = Math.min(...ok.map((c) => c.calibrationError!));
  const excluded = ok.filter((c) => c.calibrationError! > best + 0.05);
  const rivals = ok.filter((c) => c !== chosen && !excluded.includes(c)).sort((a, b) => meanAuc(b) - meanAuc(a));
  const tie = rivals[0] && Math.abs(meanAuc(rivals[0]) - meanAuc(chosen)) <= 1e-3;
  const parts = [tie ? m.outcomeTie(name(chosen.model), name(rivals[0]!.model)) : m.outcomeBest(name(chosen.model), t.fmt.decimal(meanAuc(chosen), 4))];
  if (excluded.length > 0) parts.push(m.outcomeExcluded(excluded.map((c) => name(c.model)).join(', ')));
  if (chosen.noDropout) parts.push(m.outcomeNoDropout);
  return parts.join(' ');
}

/** The spend check sentence: the correlation, and the remedy when it is material (|r| ≥ 0.3). */
function spendCheck(s: SelectionReport, t: ReportText): SafeHtml | string {
  if (s.spendCorrelation === null) return '';
  const m = t.m.models;
  const material = Math.abs(s.spendCorrelation) >= 0.3;
  return html`<p class="${material ? 'warning' : 'note'}">${m.spendCorrelation(t.fmt.decimal(s.spendCorrelation, 2))} ${material ? m.spendMaterial : m.spendFine}</p>`;
}

/**
 * The "How the model was chosen" part of the Model quality section: the rule, the outcome, the
 * candidates' holdout scores, the evidence charts of the chosen model, and the spend check.
 *
 * @example renderSelection(data.models.selection, t)
 */
export function renderSelection(s: SelectionReport | null | undefined, t: ReportText = EN): SafeHtml | string {
  if (!s) return '';
  const m = t.m.models;
  const { fmt } = t;
  const ran = s.holdoutDays !== null && s.candidates.length > 0;
  const intro = ran
    ? html`<p>${m.selectionIntro(fmt.int(s.holdoutDays!), fmt.int(s.customers ?? 0), fmt.int(s.holdoutBuyers ?? 0))}</p><p class="note">${m.selectionRule}</p><p class="note">${m.selectionReason} ${outcome(s, t)}</p>`
    : s.setting !== 'auto'
      ? html`<p class="note">${m.selectionForced(name(s.setting))}</p>`
      : html`<p class="note">${m.selectionSkipped} ${s.reason}</p>`;
  const evidence = s.evidence
    ? html`<h3>${m.evidenceTitle}</h3><p class="note">${m.evidenceIntro}</p>
${chartDiv(EVIDENCE_FREQUENCY_CHART_ID, m.frequencyAria, t)}
${chartDiv(EVIDENCE_TRACKING_CHART_ID, m.trackingAria, t)}
${chartDiv(EVIDENCE_RELIABILITY_CHART_ID, m.reliabilityAria, t)}`
    : '';
  return html`<h3>${m.selection}</h3>
${intro}
${ran ? renderTable(m.candidatesCaption, candidateColumns(s, t), s.candidates, { t }) : ''}
${evidence}
${spendCheck(s, t)}`;
}

/**
 * The evidence charts to draw (empty without evidence).
 *
 * @example slots.push(...selectionCharts(data.models?.selection, t));
 */
export function selectionCharts(s: SelectionReport | null | undefined, t: ReportText = EN): { id: string; spec: TopLevelSpec }[] {
  if (!s?.evidence) return [];
  return [
    { id: EVIDENCE_FREQUENCY_CHART_ID, spec: evidenceFrequencyChart(s.evidence, t) },
    { id: EVIDENCE_TRACKING_CHART_ID, spec: evidenceTrackingChart(s.evidence, t) },
    { id: EVIDENCE_RELIABILITY_CHART_ID, spec: evidenceReliabilityChart(s.evidence.reliability, t) },
  ];
}
