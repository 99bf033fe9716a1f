import { fitMessage } from '../i18n/fitMessage.js';
import { EN, type ReportText } from '../i18n/index.js';
import { formatDateTime, MISSING } from '../format.js';
import type { BacktestRow, ModelFitRow, ModelsReport } from '../models/types.js';
import { modelWarnings } from './churn.js';
import { renderSelection } from './modelSelection.js';
import { noData, renderTable, type Column } from './table.js';
import { html, type SafeHtml } from './tag.js';

const NAMES: Record<string, string> = { bgnbd: 'BG/NBD', mbgnbd: 'MBG/NBD', pnbd: 'Pareto/NBD', gammagamma: 'Gamma-Gamma' };
const SYMBOLS: Record<string, string> = { r: 'r', alpha: 'α', a: 'a', b: 'b', s: 's', beta: 'β', p: 'p', q: 'q', gamma: 'γ' };

/** "r = 0.2426, α = 4.414, …"; parameters at the no-dropout limit read "a → 0 / b → ∞" (Pareto/NBD: "s → 0 / β → ∞"). */
function params(f: ModelFitRow, t: ReportText): string {
  if (f.params === null) return MISSING;
  const parts = Object.entries(f.params)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${SYMBOLS[k] ?? k} = ${(v as number).toPrecision(4)}`);
  const limit = f.model === 'pnbd' ? t.m.models.noDropoutPareto : t.m.models.noDropout;
  return f.boundary ? `${parts.join(', ')} (${limit})` : parts.join(', ');
}

function fitColumns(t: ReportText): Column<ModelFitRow>[] {
  const { m, fmt } = t;
  const num = (v: number | null, digits: number): string => (v === null ? MISSING : fmt.decimal(v, digits));
  return [
    { header: m.models.model, cell: (f) => NAMES[f.model] ?? f.model },
    { header: m.models.params, cell: (f) => params(f, t) },
    { header: m.models.logLik, cell: (f) => num(f.logLikelihood, 2), numeric: true },
    { header: m.common.customers, cell: (f) => fmt.int(f.nCustomers), numeric: true },
    { header: m.models.timeUnit, cell: (f) => (f.model === 'gammagamma' ? MISSING : (m.names.timeUnits[f.timeUnit] ?? f.timeUnit)) }, // spend per order has no time unit
    { header: m.models.converged, cell: (f) => m.models.convergedValue(f.converged, fmt.int(f.iterations)) },
    { header: m.models.scores, cell: (f) => (f.usedForScoring ? m.common.yes : '') },
    // optimiser messages are stored in English by the fitting step; known fragments are translated
    { header: m.models.message, cell: (f) => (f.message === null ? '' : fitMessage(f.message, t)), prose: true },
  ];
}

interface Metric {
  name: string;
  value: string;
  meaning: string;
}

const metricColumns = ({ m }: ReportText): Column<Metric>[] => [
  { header: m.models.measure, cell: (x) => x.name },
  { header: m.models.value, cell: (x) => x.value, numeric: true },
  { header: m.models.meaning, cell: (x) => x.meaning },
];

function metrics(b: BacktestRow, { m: { models: m }, fmt }: ReportText): Metric[] {
  const num = (v: number | null): string => (v === null ? MISSING : fmt.decimal(v, 3));
  return [
    { name: m.mCustomers, value: fmt.int(b.customers), meaning: m.mCustomersMeaning(b.calibrationEnd, fmt.int(b.holdoutBuyers)) },
    { name: m.mPurchases, value: m.mPurchasesValue(fmt.int(b.actualPurchases), fmt.int(Math.round(b.expectedPurchases))), meaning: m.mPurchasesMeaning },
    { name: m.mAucOrders, value: num(b.aucExpectedOrders), meaning: m.mAucOrdersMeaning },
    { name: m.mAucChurn, value: num(b.aucChurnRisk), meaning: m.mAucChurnMeaning(fmt.int(b.churnHorizonDays)) },
    { name: m.mAucAlive, value: num(b.aucPAlive), meaning: m.mAucAliveMeaning },
    { name: m.mBaseline, value: num(b.baselineAuc), meaning: m.mBaselineMeaning },
    { name: m.mPearson, value: num(b.pearson), meaning: m.mPearsonMeaning },
    { name: m.mRmse, value: num(b.rmse), meaning: m.mRmseMeaning },
    ...(b.brier === null || b.brier === undefined ? [] : [{ name: m.mBrier, value: num(b.brier), meaning: m.mBrierMeaning(fmt.int(b.churnHorizonDays)) }]),
    ...(b.calibrationError === null || b.calibrationError === undefined ? [] : [{ name: m.mCalibration, value: num(b.calibrationError), meaning: m.mCalibrationMeaning }]),
  ];
}

/**
 * The Model quality section: fitted parameters, log-likelihoods, convergence and messages per
 * model, the run's model warnings, and the latest backtest against a holdout period.
 *
 * @example renderModelQuality(data.models)
 */
export function renderModelQuality(models: ModelsReport | null, t: ReportText = EN): SafeHtml {
  const fits = models?.fits ?? [];
  const backtest = models?.backtest ?? null;
  const m = t.m.models;
  return html`<section id="models" aria-labelledby="models-h">
<h2 id="models-h">${m.title}</h2>
<h3>${m.fitted}</h3>
${fits.length === 0 ? noData(m.noFits) : [renderTable(m.fitsCaption, fitColumns(t), fits, { t }), modelWarnings(models?.notes ?? [])]}
${renderSelection(models?.selection, t)}
<h3>${m.backtest}</h3>
${backtest === null
    ? noBacktest(t)
    : [
        html`<p>${m.backtestIntro(backtest.calibrationEnd, NAMES[backtest.model] ?? backtest.model, backtest.holdoutEnd, t.fmt.int(backtest.horizonDays), formatDateTime(backtest.runAt, t))}</p>`,
        renderTable(m.backtestCaption, metricColumns(t), metrics(backtest, t), { t }),
      ]}
</section>`;
}

const BACKTEST_COMMAND = 'crm backtest --calibration-end YYYY-MM-DD --holdout-end YYYY-MM-DD';

/** The empty state, with the command to type set as code. */
function noBacktest(t: ReportText): SafeHtml {
  const [before, after] = t.m.models.noBacktest('\u0000').split('\u0000');
  return html`<p class="empty">${before}<code>${BACKTEST_COMMAND}</code>${after}</p>`;
}
