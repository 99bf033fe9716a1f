import { formatDecimal, formatInt, MISSING } from '../format.js';
import type { BacktestRow, ModelFitRow, ModelsReport } from '../models/types.js';
import { modelWarnings } from './churn.js';
import { noData, renderTable, type Column } from './table.js';
import { html, type SafeHtml } from './tag.js';

const NAMES: Record<string, string> = { bgnbd: 'BG/NBD', mbgnbd: 'MBG/NBD', gammagamma: 'Gamma-Gamma' };
const SYMBOLS: Record<string, string> = { r: 'r', alpha: 'α', a: 'a', b: 'b', p: 'p', q: 'q', gamma: 'γ' };

const num = (v: number | null, digits: number): string => (v === null ? MISSING : formatDecimal(v, digits));

/** "r = 0.2426, α = 4.414, …"; parameters at the no-dropout limit read "a → 0 / b → ∞". */
function params(f: ModelFitRow): string {
  if (f.params === null) return MISSING;
  const parts = Object.entries(f.params)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${SYMBOLS[k] ?? k} = ${(v as number).toPrecision(4)}`);
  return f.boundary ? `${parts.join(', ')} (a → 0 / b → ∞: no dropout)` : parts.join(', ');
}

const FIT_COLUMNS: Column<ModelFitRow>[] = [
  { header: 'Model', cell: (f) => NAMES[f.model] ?? f.model },
  { header: 'Parameters', cell: (f) => params(f) },
  { header: 'Log-likelihood', cell: (f) => num(f.logLikelihood, 2), numeric: true },
  { header: 'Customers', cell: (f) => formatInt(f.nCustomers), numeric: true },
  { header: 'Time unit', cell: (f) => (f.model === 'gammagamma' ? MISSING : f.timeUnit) }, // spend per order has no time unit
  { header: 'Converged', cell: (f) => `${f.converged ? 'yes' : 'no'} (${formatInt(f.iterations)} iterations)` },
  { header: 'Scores', cell: (f) => (f.usedForScoring ? 'yes' : '') },
  { header: 'Message', cell: (f) => f.message ?? '' },
];

interface Metric {
  name: string;
  value: string;
  meaning: string;
}

const METRIC_COLUMNS: Column<Metric>[] = [
  { header: 'Measure', cell: (m) => m.name },
  { header: 'Value', cell: (m) => m.value, numeric: true },
  { header: 'What it says', cell: (m) => m.meaning },
];

function metrics(b: BacktestRow): Metric[] {
  return [
    { name: 'Customers', value: formatInt(b.customers), meaning: `with a purchase by ${b.calibrationEnd}; ${formatInt(b.holdoutBuyers)} ordered in the holdout` },
    { name: 'Purchase days in the holdout', value: `${formatInt(b.actualPurchases)} actual, ${formatInt(Math.round(b.expectedPurchases))} expected`, meaning: 'totals over all customers' },
    { name: 'AUC, expected orders', value: num(b.aucExpectedOrders, 3), meaning: 'how well expected orders pick out who ordered (0.5 = chance, 1 = perfect)' },
    { name: 'AUC, churn risk', value: num(b.aucChurnRisk, 3), meaning: `how well the ${b.churnHorizonDays}-day churn risk picks out who did not order` },
    { name: 'AUC, 1 − P(alive)', value: num(b.aucPAlive, 3), meaning: 'the same, using the chance of having stopped buying alone' },
    { name: 'AUC, recency alone (baseline)', value: num(b.baselineAuc, 3), meaning: 'days since the last order, as a simple rule would rank' },
    { name: 'Pearson correlation', value: num(b.pearson, 3), meaning: 'expected against actual purchase days per customer' },
    { name: 'RMSE', value: num(b.rmse, 3), meaning: 'typical error in purchase days per customer' },
  ];
}

/**
 * The Model quality section: fitted parameters, log-likelihoods, convergence and messages per
 * model, the run's model warnings, and the latest backtest against a holdout period.
 *
 * @example renderModelQuality(data.models)
 */
export function renderModelQuality(models: ModelsReport | null): SafeHtml {
  const fits = models?.fits ?? [];
  const backtest = models?.backtest ?? null;
  return html`<section id="models" aria-labelledby="models-h">
<h2 id="models-h">Model quality</h2>
<h3>Fitted models</h3>
${fits.length === 0 ? noData('No models were fitted in this run') : [renderTable('Fitted parameters, log-likelihood and convergence per model', FIT_COLUMNS, fits), modelWarnings(models?.notes ?? [])]}
<h3>Backtest</h3>
${backtest === null
    ? noData('No backtest yet: run crm backtest --calibration-end YYYY-MM-DD --holdout-end YYYY-MM-DD to check predictions against what happened')
    : [
        html`<p>Fitted on data up to ${backtest.calibrationEnd} with the ${NAMES[backtest.model] ?? backtest.model}, compared with what customers did from then to ${backtest.holdoutEnd} (${formatInt(backtest.horizonDays)} days); run at ${backtest.runAt}.</p>`,
        renderTable('Latest backtest', METRIC_COLUMNS, metrics(backtest)),
      ]}
</section>`;
}
