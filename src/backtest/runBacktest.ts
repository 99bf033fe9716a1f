import type { DuckDBConnection } from '@duckdb/node-api';
import { chooseHorizon, type HorizonChoice } from '../models/autoHorizon.js';
import { DEFAULT_MODELS, type ModelsConfig } from '../models/config.js';
import { scoreModels } from '../models/scoreModels.js';
import type { ChurnKind } from '../models/types.js';
import { daysPerUnit, unitsPerMonth } from '../models/units.js';
import { fitModels } from '../scoring/fitModels.js';
import { readCustomerInput } from '../scoring/io/readCustomerInput.js';
import { readNumberColumns } from '../store/columns.js';
import { buildSummary } from '../summary/buildSummary.js';
import { inputError } from '../util/error.js';
import { pipelineSql } from '../util/paths.js';
import { bandOutcomes, type BandOutcome } from './bandOutcomes.js';
import { auc, brier, calibrationError, pearson, reliability, rmse } from './metrics.js';
import { holdoutEvidence, type HoldoutEvidence } from '../scoring/select/holdoutScores.js';
import { runSelection, type SelectionOutcome } from '../scoring/select/runSelection.js';
import type { Selection } from '../scoring/select/selectModel.js';
import { spendCorrelation } from '../models/spendCorrelation.js';
import { UTC } from '../timezone/parseTimeZone.js';
import { withLocalTransactions } from '../timezone/withLocalTransactions.js';

/** What to backtest: fit on data up to calibrationEnd, compare with (calibrationEnd, holdoutEnd]. */
export interface BacktestOptions {
  calibrationEnd: string;
  holdoutEnd: string;
  /** The churn model to score with (default: the config's setting, 'auto': selected within the calibration period). */
  model?: ChurnKind | 'auto';
  config?: ModelsConfig;
  /** IANA zone whose calendar days are counted (default UTC), as in an analysis run */
  timezone?: string;
}

/** One backtest, as printed by `crm backtest --json` and stored in `backtests`. Metrics are null when undefined. */
export interface BacktestResult {
  calibration_end: string;
  holdout_end: string;
  model: ChurnKind;
  time_unit: string;
  /** Holdout length in days: the horizon of the expected orders compared with actual purchase days. */
  horizon_days: number;
  /** Horizon of the churn risk scored (the config's, as in customer_scores.churn_risk; 'auto' resolved on the calibration data). */
  churn_horizon_days: number;
  churn_horizon: HorizonChoice;
  /**
   * Per churn band (the config's thresholds on the churn risk): customers, share, mean predicted
   * risk and the share observed with no order within the churn horizon after the calibration end.
   */
  bands: BandOutcome[];
  customers: number;
  holdout_buyers: number;
  actual_purchases: number;
  expected_purchases: number;
  auc_expected_orders: number | null;
  auc_churn_risk: number | null;
  auc_p_alive: number | null;
  baseline_auc: number | null;
  pearson: number | null;
  rmse: number | null;
  /** Brier score of the churn risk against "no order within the churn horizon" (null: holdout shorter than the horizon). */
  brier: number | null;
  /** Mean |predicted − observed| of the churn risk over deciles of customers (same event). */
  calibration_error: number | null;
  /**
   * The counting rule of fitting and holdout alike: a purchase is a distinct purchase day (a day
   * with at least one non-return line), so two orders on one day count once.
   */
  counting: 'purchase days';
  /** With 'auto': the selection run on the calibration period's own last stretch (null when forced or skipped). */
  selection: Pick<Selection, 'chosen' | 'reason' | 'holdoutDays' | 'candidates'> | { skipped: string } | null;
  /** Calibration by frequency, tracking and reliability of the churn risk over the holdout. */
  evidence: HoldoutEvidence & { churnReliability: ReturnType<typeof reliability> | null };
  /** Pearson correlation of repeat buyers' purchase frequency and mean spend (Gamma-Gamma assumes none). */
  spend_correlation: number | null;
  log_likelihood: number | null;
  params: Record<string, number | null> | null;
  message: string;
}

const dayNumber = (iso: string): number => Date.parse(iso + 'T00:00:00Z') / 86_400_000;
const orNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

/**
 * Backtest the churn model: build the customer summary as of calibrationEnd, fit as the models
 * step does, score each customer's expected purchase days over the holdout's length and churn
 * risk as customer_scores has it (no order within the configured horizon), and compare with the
 * purchase days that happened in the holdout: AUC of expected orders for "ordered in the
 * holdout", AUC of the churn risk and of 1 − P(alive) for "did not order", the recency-only
 * baseline AUC for the same event, and Pearson correlation and RMSE of expected against actual
 * purchase days. Stored in `backtests`.
 *
 * @example const r = await runBacktest(conn, { calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30' }); r.auc_expected_orders
 */
export async function runBacktest(conn: DuckDBConnection, opts: BacktestOptions): Promise<BacktestResult> {
  return withLocalTransactions(conn, opts.timezone ?? UTC, () => backtestIn(conn, opts));
}

async function backtestIn(conn: DuckDBConnection, opts: BacktestOptions): Promise<BacktestResult> {
  const config = { ...(opts.config ?? DEFAULT_MODELS) };
  if (opts.model) config.scoringModel = opts.model;
  const horizonDays = dayNumber(opts.holdoutEnd) - dayNumber(opts.calibrationEnd);
  if (!(horizonDays > 0)) throw inputError(`the holdout end (${opts.holdoutEnd}) must be after the calibration end (${opts.calibrationEnd})`);
  const customers = await buildSummary(conn, opts.calibrationEnd);
  if (customers === 0) throw inputError(`no customer has a purchase on or before ${opts.calibrationEnd}: choose a later --calibration-end`);

  const input = await readCustomerInput(conn);
  const [recency] = await readNumberColumns(conn, 'SELECT recency_days::DOUBLE FROM customer_summary ORDER BY idx');
  const holdout = await conn.runAndReadAll(pipelineSql('holdout_purchases'), {
    calibration_end: opts.calibrationEnd,
    holdout_end: opts.holdoutEnd,
  });
  const actual = Float64Array.from(holdout.getColumnsJS()[1] as number[]);

  const k = daysPerUnit(config.timeUnit);
  const horizon = chooseHorizon(config.horizonDays, input.x, input.txDays);
  let outcome: SelectionOutcome | null = null;
  if (config.scoringModel === 'auto') outcome = await runSelection(conn, input, { asOf: opts.calibrationEnd, churnHorizonDays: horizon.days, currency: '*', daysPerUnit: k });
  const ranking = outcome && 'selection' in outcome ? outcome.selection.ranking : undefined;
  const fitted = fitModels(input, { ...config, ...(ranking && { ranking }) });
  const fit = fitted.fits.find((f) => f.scoring && f.model !== 'gammagamma');
  if (fitted.churn === null || fit === undefined) throw inputError(`the churn model could not be fitted on data up to ${opts.calibrationEnd}: ${fitted.notes.join('; ')}`);
  const summary = { x: input.x, tx: input.txDays.map((d) => d / k), T: input.TDays.map((d) => d / k), mbar: input.mbar };
  const score = (horizonDays: number) =>
    scoreModels(summary, fitted.churn!, fitted.spend ?? { p: 1, q: 2, gamma: 1 }, {
      horizon: horizonDays / k,
      clv: { ...config.clv, months: 0, unitsPerMonth: unitsPerMonth(config.timeUnit) },
    });
  // Expected purchases over the holdout's length, to compare counts; churn risk as the models
  // step writes it: P(no order within the horizon), an 'auto' horizon from the calibration data.
  const scores = score(horizonDays);
  const churnRisk = score(horizon.days).churnRisk;
  // What happened within the churn horizon itself, for the per-band check (null: holdout too short)
  const horizonEnd = new Date((dayNumber(opts.calibrationEnd) + horizon.days) * 86_400_000).toISOString().slice(0, 10);
  const within = horizon.days <= horizonDays
    ? Float64Array.from((await conn.runAndReadAll(pipelineSql('holdout_purchases'), { calibration_end: opts.calibrationEnd, holdout_end: horizonEnd })).getColumnsJS()[1] as number[])
    : null;

  const ordered = Uint8Array.from(actual, (v) => (v > 0 ? 1 : 0));
  const silentWithin = within ? Uint8Array.from(within, (v) => (v > 0 ? 0 : 1)) : null;
  const daily = new Float64Array(horizonDays);
  const perDay = (await conn.runAndReadAll(pipelineSql('holdout_daily'), { cutoff: opts.calibrationEnd, as_of: opts.holdoutEnd, currency: '*', stride: 1 })).getRows();
  for (const [d, c] of perDay) if (Number(d) >= 1 && Number(d) <= horizonDays) daily[Number(d) - 1] = Number(c);
  const cal = { x: input.x, tx: summary.tx, T: summary.T };
  const evidence = { ...holdoutEvidence(fitted.churn, cal, actual, { daily, horizon: horizonDays / k, daysPerUnit: k }), churnReliability: silentWithin ? reliability(churnRisk, silentWithin) : null };
  const selection = outcome === null ? null : 'skipped' in outcome ? { skipped: outcome.skipped } : (({ chosen, reason, holdoutDays, candidates }) => ({ chosen, reason, holdoutDays, candidates }))(outcome.selection);
  const none = ordered.map((v) => 1 - v);
  const sum = (a: Float64Array): number => a.reduce((s, v) => s + v, 0);
  const lastOrder = (await conn.runAndReadAll('SELECT max(order_date)::DATE::VARCHAR FROM transactions')).getRows()[0]![0];
  // the churn fit's own notes (no-dropout limit, thin data, not converged); spend does not enter the backtest
  const messages = fitted.notes.filter((n) => !/spend/.test(n)).map((n) => n.replace(/^churn\/CLV: /, ''));
  if (typeof lastOrder === 'string' && lastOrder < opts.holdoutEnd) messages.unshift(`the data end on ${lastOrder}, before the holdout end: the holdout is incomplete`);
  if (within === null) messages.push(`the holdout (${horizonDays} days) is shorter than the churn horizon (${horizon.days} days): bands are not checked against outcomes`);
  const result: BacktestResult = {
    calibration_end: opts.calibrationEnd,
    holdout_end: opts.holdoutEnd,
    model: fit.model as ChurnKind,
    time_unit: config.timeUnit,
    horizon_days: horizonDays,
    churn_horizon_days: horizon.days,
    churn_horizon: horizon,
    bands: bandOutcomes(churnRisk, within, config.churnBands),
    customers,
    holdout_buyers: ordered.reduce((s, v) => s + v, 0),
    actual_purchases: sum(actual),
    expected_purchases: sum(scores.expectedOrders),
    auc_expected_orders: orNull(auc(scores.expectedOrders, ordered)),
    auc_churn_risk: orNull(auc(churnRisk, none)),
    auc_p_alive: orNull(auc(scores.pAlive.map((p) => 1 - p), none)),
    baseline_auc: orNull(auc(recency!, none)),
    pearson: orNull(pearson(scores.expectedOrders, actual)),
    rmse: orNull(rmse(scores.expectedOrders, actual)),
    brier: silentWithin ? orNull(brier(churnRisk, silentWithin)) : null,
    calibration_error: silentWithin ? orNull(calibrationError(churnRisk, silentWithin)) : null,
    counting: 'purchase days',
    selection,
    evidence,
    spend_correlation: orNull(spendCorrelation(input.x, input.mbar).pearson),
    log_likelihood: fit.logLikelihood,
    params: fit.params,
    message: messages.join('; '),
  };
  await storeBacktest(conn, result);
  return result;
}

/** JSON with non-finite numbers as null. */
const json = (v: unknown): string => JSON.stringify(v, (_, x) => (typeof x === 'number' && !Number.isFinite(x) ? null : x));

async function storeBacktest(conn: DuckDBConnection, r: BacktestResult): Promise<void> {
  await conn.run(
    `INSERT INTO backtests (calibration_end, holdout_end, model, time_unit, horizon_days, churn_horizon_days, customers, holdout_buyers, actual_purchases, expected_purchases,
       auc_expected_orders, auc_churn_risk, auc_p_alive, baseline_auc, pearson, rmse, log_likelihood, params, message, bands,
       brier, calibration_error, selection, evidence, spend_correlation)
     VALUES ($c::DATE, $h::DATE, $model, $unit, $horizon, $churn_horizon, $customers, $buyers, $actual, $expected, $auc_e, $auc_c, $auc_p, $base, $pearson, $rmse, $ll, $params::JSON, $message, $bands::JSON,
       $brier, $ce, $selection::JSON, $evidence::JSON, $spend_corr)`,
    {
      c: r.calibration_end, h: r.holdout_end, model: r.model, unit: r.time_unit, horizon: r.horizon_days, churn_horizon: r.churn_horizon_days, customers: r.customers, buyers: r.holdout_buyers,
      actual: r.actual_purchases, expected: r.expected_purchases, auc_e: r.auc_expected_orders, auc_c: r.auc_churn_risk, auc_p: r.auc_p_alive,
      base: r.baseline_auc, pearson: r.pearson, rmse: r.rmse, ll: r.log_likelihood, params: r.params === null ? null : JSON.stringify(r.params),
      message: r.message || null,
      bands: JSON.stringify(r.bands),
      brier: r.brier,
      ce: r.calibration_error,
      selection: r.selection === null ? null : json(r.selection),
      evidence: json(r.evidence),
      spend_corr: r.spend_correlation,
    },
  );
}
