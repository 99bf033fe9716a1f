import { runBacktest, type BacktestResult } from '../../backtest/runBacktest.js';
import type { ChurnKind } from '../../models/types.js';
import { resolveDbPath, withDatabase } from '../../store/database.js';
import { parseIsoDate } from '../../util/dates.js';
import { usageError } from '../../util/error.js';
import { COMMON_DETAILS, type Command } from '../command.js';
import { lockTimeoutFlag, stringFlag } from '../parse.js';
import { timeZoneFlag } from '../../timezone/parseTimeZone.js';

const fmt = (v: number | null, digits = 3): string => (v === null ? 'n/a' : v.toFixed(digits));
const pct = (v: number | null): string => (v === null ? 'n/a' : `${(100 * v).toFixed(1)}%`);

/** The per-band check: each band's share of customers, mean predicted risk and the no-order share observed. */
function bandLines(r: BacktestResult): string {
  const h = r.churn_horizon;
  const how = h.source === 'set' ? 'set' : h.fallback ? `auto, too few repeat buyers (${h.repeatCustomers}): fallback` : `auto: 75th percentile of ${h.repeatCustomers} repeat buyers' usual gap, ${h.cycleDays!.toFixed(1)} days, in whole weeks`;
  const rows = r.bands.map((b) => `    ${b.band.padEnd(8)}${String(b.customers).padStart(9)}  ${pct(b.share).padStart(6)}  ${pct(b.mean_risk).padStart(9)}  ${pct(b.observed_no_order).padStart(9)}`);
  return `  churn bands            P(no order within ${r.churn_horizon_days} days; ${how})
    band    customers   share  predicted  observed (no order within ${r.churn_horizon_days} days after ${r.calibration_end})
${rows.join('\n')}
`;
}

function text(r: BacktestResult): string {
  return `backtest: fit on data up to ${r.calibration_end}, holdout ${r.calibration_end} → ${r.holdout_end} (${r.horizon_days} days), model ${r.model} (${r.time_unit}s)
  customers              ${r.customers}
  ordered in holdout     ${r.holdout_buyers}
  purchase days          actual ${r.actual_purchases}, expected ${r.expected_purchases.toFixed(1)}
  AUC expected orders    ${fmt(r.auc_expected_orders)}   (for "ordered in the holdout")
  AUC churn risk         ${fmt(r.auc_churn_risk)}   (P(no order in ${r.churn_horizon_days} days), for "did not order")
  AUC 1 − P(alive)       ${fmt(r.auc_p_alive)}
  baseline AUC recency   ${fmt(r.baseline_auc)}
  Pearson                ${fmt(r.pearson)}
  RMSE                   ${fmt(r.rmse)}   (purchase days per customer; a purchase is a distinct purchase day, in fitting and holdout alike)
  churn risk calibration Brier ${fmt(r.brier)}, calibration error ${fmt(r.calibration_error)}   (P(no order in ${r.churn_horizon_days} days) against what happened)
  frequency–spend corr.  ${fmt(r.spend_correlation)}   (Pearson of repeat buyers' x and mean spend; Gamma-Gamma assumes ≈ 0)
${r.selection === null ? '' : 'skipped' in r.selection ? `  model selection        skipped: ${r.selection.skipped}
` : `  model selection        ${r.selection.reason}
`}${bandLines(r)}${r.message ? `  note: ${r.message}\n` : ''}`;
}

export const backtestCommand: Command = {
  name: 'backtest',
  summary: 'check churn and expected-order predictions against what happened after a date',
  synopsis: 'crm backtest --calibration-end YYYY-MM-DD --holdout-end YYYY-MM-DD [--model auto|mbgnbd|pnbd|bgnbd] [--timezone ZONE] [--json] [--db PATH]',
  details: `Fits the churn model on transactions up to the calibration end, scores every customer
for the holdout (calibration end, holdout end], and compares with the purchase days that
happened: AUC of expected orders (over the holdout) for "ordered in the holdout", AUC of the
churn risk (customer_scores.churn_risk: probability of no order within the churn horizon) for
"did not order", per churn band the share of customers, the mean predicted risk and the share
that placed no order within the horizon, the same AUC for ranking by recency alone (baseline_auc), and Pearson correlation and
RMSE of expected against actual purchase days. The
result is stored in \`backtests\` and shown in the report's Model quality section.

  --calibration-end DATE  last day of the data the model is fitted on
  --holdout-end DATE      last day of the holdout period
  --model NAME            auto (default: chosen on the calibration period's own last stretch,
                          as runs choose), or mbgnbd, pnbd (Pareto/NBD) or bgnbd to force one
  --timezone ZONE         IANA zone whose calendar days are counted (default UTC; a pipeline's
                          "timezone"), so dates mean local days as in its runs
  --json                  print the result as JSON
${COMMON_DETAILS}`,
  options: { 'calibration-end': { type: 'string' }, 'holdout-end': { type: 'string' }, model: { type: 'string' }, timezone: { type: 'string' }, json: { type: 'boolean' } },
  positionals: [0, 0],
  async run(values, _args, io) {
    const c = stringFlag(values, 'calibration-end');
    const h = stringFlag(values, 'holdout-end');
    if (c === undefined || h === undefined) throw usageError(`--calibration-end and --holdout-end are required\nusage: ${backtestCommand.synopsis}`);
    const calibrationEnd = parseIsoDate(c, '--calibration-end');
    const holdoutEnd = parseIsoDate(h, '--holdout-end');
    if (holdoutEnd <= calibrationEnd) throw usageError(`--holdout-end (${holdoutEnd}) must be after --calibration-end (${calibrationEnd})`);
    const model = stringFlag(values, 'model');
    if (model !== undefined && !['auto', 'mbgnbd', 'pnbd', 'bgnbd'].includes(model)) throw usageError(`--model expects auto, mbgnbd, pnbd or bgnbd, got "${model}"`);
    const timezone = timeZoneFlag(stringFlag(values, 'timezone'));
    const db = resolveDbPath(stringFlag(values, 'db'));
    const result = await withDatabase(db, { lockTimeoutMs: lockTimeoutFlag(values) }, (conn) =>
      runBacktest(conn, { calibrationEnd, holdoutEnd, ...(model ? { model: model as ChurnKind | 'auto' } : {}), ...(timezone ? { timezone } : {}) }),
    );
    io.out(values['json'] ? JSON.stringify(result) + '\n' : text(result));
    return 0;
  },
};
