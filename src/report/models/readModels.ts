import type { DuckDBConnection } from '@duckdb/node-api';
import { usedHighValueTiers, type UsedModelsConfig } from '../../models/config.js';
import { CHURN_BANDS, VALUE_TIERS } from '../../models/tiers.js';
import { cellNumber as n, cellNumberOrNull as orNull, cellString as s, selectRows as select } from '../../query/selectRows.js';
import { worthSavingQuery } from '../actionLists.js';
import type { BacktestBandRow, BacktestRow, ChurnReport, ClvBin, ClvReport, EvidenceData, ModelFitRow, ModelsReport, SelectionCandidate, SelectionReport } from './types.js';


/** Customers of the worth-saving list shown by name in the churn section. */
export const AT_RISK_CUSTOMERS = 20;
/** About this many histogram bins up to the 99th percentile of CLV. */
const CLV_BINS = 20;

const MODEL_NAMES: Record<string, string> = { bgnbd: 'BG/NBD', mbgnbd: 'MBG/NBD', pnbd: 'Pareto/NBD', gammagamma: 'Gamma-Gamma' };

/**
 * Read a run's churn, CLV and model-quality data for the report.
 *
 * @example const models = await readModels(conn, runId);
 */
export async function readModels(conn: DuckDBConnection, run: number): Promise<ModelsReport> {
  const cfg = await select(conn, `SELECT config::VARCHAR AS c FROM run_config WHERE run_id = $run AND section = 'models'`, { run });
  const fits = await readFits(conn, run);
  const notesRow = await select(conn, 'SELECT notes::VARCHAR AS notes FROM runs WHERE run_id = $run', { run });
  const notes = notesRow[0]?.['notes'] ? (JSON.parse(s(notesRow[0]['notes'])) as string[]).filter((t) => t.startsWith('churn/CLV')) : [];
  const assumptions = cfg[0] ? (JSON.parse(s(cfg[0]['c'])) as UsedModelsConfig) : null;
  const [repeat] = await select(conn, 'SELECT count(*) FILTER (WHERE x > 0) AS n FROM customer_scores WHERE run_id = $run', { run });
  return {
    assumptions,
    repeatBuyers: n(repeat?.['n']),
    churn: await readChurn(conn, run, fits, assumptions),
    clv: await readClv(conn, run),
    fits,
    backtest: await readBacktest(conn),
    notes,
    selection: await readSelection(conn, run),
  };
}

/** A stored candidate (selectModel's CandidateScore as JSON) as the report shows it. */
interface StoredCandidate {
  model: string;
  params: { kind: string } | null;
  message: string;
  scores: Record<string, number | null> | null;
}

async function readSelection(conn: DuckDBConnection, run: number): Promise<SelectionReport | null> {
  const [r] = await select(conn, 'SELECT *, candidates::VARCHAR AS c, evidence::VARCHAR AS e FROM model_selection WHERE run_id = $run', { run });
  if (!r) return null;
  const stored = r['c'] === null ? [] : (JSON.parse(s(r['c'])) as StoredCandidate[]);
  const candidates: SelectionCandidate[] = stored.map((c) => {
    const v = (k: string): number | null => c.scores?.[k] ?? null;
    return {
      model: c.model,
      aucExpectedOrders: v('aucExpectedOrders'),
      aucChurnRisk: v('aucChurnRisk'),
      calibrationError: v('calibrationError'),
      brier: v('brier'),
      holdoutLogLikelihood: v('holdoutLogLikelihood'),
      expectedPurchases: v('expectedPurchases'),
      actualPurchases: v('actualPurchases'),
      noDropout: c.params?.kind === 'nbd',
      failed: c.scores === null ? c.message : null,
    };
  });
  return {
    setting: s(r['setting']),
    chosen: r['chosen'] === null ? null : s(r['chosen']),
    holdoutDays: orNull(r['holdout_days']),
    customers: orNull(r['customers']),
    holdoutBuyers: orNull(r['holdout_buyers']),
    reason: s(r['reason']),
    candidates,
    evidence: r['e'] === null ? null : (JSON.parse(s(r['e'])) as EvidenceData),
    spendCorrelation: orNull(r['spend_correlation']),
  };
}

async function readFits(conn: DuckDBConnection, run: number): Promise<ModelFitRow[]> {
  const rows = await select(conn, `SELECT *, params::VARCHAR AS p FROM model_fits WHERE run_id = $run ORDER BY model = 'gammagamma', model`, { run });
  return rows.map((r) => ({
    model: s(r['model']),
    params: r['p'] === null ? null : (JSON.parse(s(r['p'])) as Record<string, number | null>),
    logLikelihood: orNull(r['log_likelihood']),
    nCustomers: n(r['n_customers']),
    timeUnit: s(r['time_unit']),
    converged: r['converged'] === true,
    iterations: n(r['iterations']),
    message: r['message'] === null ? null : s(r['message']),
    boundary: r['boundary'] === true,
    usedForScoring: r['used_for_scoring'] === true,
  }));
}

async function readChurn(conn: DuckDBConnection, run: number, fits: ModelFitRow[], assumptions: UsedModelsConfig | null): Promise<ChurnReport | null> {
  const bands = await select(
    conn,
    `SELECT churn_band AS band, count(*) AS customers, count(*) / sum(count(*)) OVER () AS share, avg(churn_risk) AS mean_risk,
       coalesce(sum(clv_12m), 0) AS clv, coalesce(sum(historic_value), 0) AS historic
     FROM customer_scores WHERE run_id = $run AND churn_band IS NOT NULL GROUP BY churn_band`,
    { run },
  );
  if (bands.length === 0) return null;
  // The worth-saving list is the named query worth-saving, also written as worth-saving.csv: the
  // section shows its first rows and its totals, so all three are one list.
  const { sql } = worthSavingQuery();
  const atRisk = await select(
    conn,
    `SELECT w.*, s.p_alive, s.x, s.t_x, s.T FROM (${sql}) w JOIN customer_scores s ON s.run_id = $run AND s.customer_id = w.customer_id ORDER BY w.rank`,
    { run, limit: AT_RISK_CUSTOMERS },
  );
  const [hv] = await select(
    conn,
    `SELECT count(*) AS customers, coalesce(sum(clv_12m), 0) AS clv, coalesce(sum(value_if_kept_12m), 0) AS kept, coalesce(sum(historic_value), 0) AS historic
     FROM (${sql})`,
    { run, limit: 2 ** 31 - 1 },
  );
  const scoring = fits.find((f) => f.usedForScoring && f.model !== 'gammagamma');
  const name = scoring ? MODEL_NAMES[scoring.model] ?? scoring.model : 'unknown model';
  return {
    scoredWith: scoring?.boundary ? `NBD (no-dropout limit of the ${name})` : name,
    bands: bands
      .map((r) => ({ band: s(r['band']), customers: n(r['customers']), share: n(r['share']), meanRisk: n(r['mean_risk']), clv: n(r['clv']), historicValue: n(r['historic']) }))
      .sort((a, b) => CHURN_BANDS.indexOf(a.band as never) - CHURN_BANDS.indexOf(b.band as never)),
    highValueTiers: usedHighValueTiers(assumptions),
    horizonDays: assumptions?.horizonDays ?? null,
    highValueAtRisk: { customers: n(hv?.['customers']), clv: n(hv?.['clv']), valueIfKept: n(hv?.['kept']), historicValue: n(hv?.['historic']) },
    atRisk: atRisk.map((r) => ({
      customerId: s(r['customer_id']),
      segment: s(r['segment']),
      churnRisk: n(r['churn_risk']),
      pAlive: n(r['p_alive']),
      clv: n(r['clv_12m']),
      valueIfKept: n(r['value_if_kept_12m']),
      historicValue: n(r['historic_value']),
      orders: n(r['orders']),
      recencyDays: n(r['recency_days']),
      x: n(r['x']),
      txDays: n(r['t_x']),
      TDays: n(r['T']),
      reason: s(r['churn_reason']),
    })),
  };
}

/**
 * A round bin width (1, 2, 2.5 or 5 × 10^k) close to span / bins.
 *
 * @example niceStep(1234, 20) // 50
 */
export function niceStep(span: number, bins: number): number {
  const raw = span / bins;
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= raw)!;
  return step * power;
}

async function readClv(conn: DuckDBConnection, run: number): Promise<ClvReport | null> {
  const [t] = await select(
    conn,
    `SELECT count(*) AS customers, sum(clv_12m) AS clv, sum(historic_value) AS historic, avg(clv_12m) AS mean,
       quantile_cont(clv_12m, 0.5) AS median, quantile_cont(clv_12m, 0.99) AS p99
     FROM customer_scores WHERE run_id = $run AND clv_12m IS NOT NULL`,
    { run },
  );
  if (!t || n(t['customers']) === 0) return null;
  const step = niceStep(n(t['p99']), CLV_BINS);
  const last = Math.max(1, Math.ceil(n(t['p99']) / step));
  const binRows = await select(
    conn,
    `SELECT least(floor(clv_12m / $step), $last)::INTEGER AS bin, count(*) AS customers
     FROM customer_scores WHERE run_id = $run AND clv_12m IS NOT NULL GROUP BY bin ORDER BY bin`,
    { run, step, last },
  );
  const counts = new Map(binRows.map((r) => [n(r['bin']), n(r['customers'])]));
  const top = Math.max(...counts.keys());
  const bins: ClvBin[] = Array.from({ length: top + 1 }, (_, b) => ({
    lower: b * step,
    upper: (b + 1) * step,
    customers: counts.get(b) ?? 0,
    open: b === last,
  }));
  const tiers = await select(
    conn,
    `SELECT value_tier AS tier, count(*) AS customers, count(*) / sum(count(*)) OVER () AS share, sum(clv_12m) AS clv,
       sum(clv_12m) / nullif(sum(sum(clv_12m)) OVER (), 0) AS clv_share, sum(historic_value) AS historic,
       min(clv_12m) AS min_clv, avg(clv_12m) AS mean_clv, min(coalesce(value_if_kept_12m, clv_12m)) AS min_kept
     FROM customer_scores WHERE run_id = $run AND value_tier IS NOT NULL GROUP BY value_tier`,
    { run },
  );
  return {
    customers: n(t['customers']),
    totalClv: n(t['clv']),
    totalHistoric: n(t['historic']),
    meanClv: n(t['mean']),
    medianClv: n(t['median']),
    bins,
    tiers: tiers
      .map((r) => ({
        tier: s(r['tier']), customers: n(r['customers']), share: n(r['share']), clv: n(r['clv']), clvShare: n(r['clv_share']),
        historicValue: n(r['historic']), minClv: n(r['min_clv']), meanClv: n(r['mean_clv']), minValueIfKept: n(r['min_kept']),
      }))
      .sort((a, b) => VALUE_TIERS.indexOf(a.tier as never) - VALUE_TIERS.indexOf(b.tier as never)),
  };
}

async function readBacktest(conn: DuckDBConnection): Promise<BacktestRow | null> {
  const [r] = await select(
    conn,
    `SELECT * EXCLUDE (bands, selection, evidence), bands::VARCHAR AS bands, strftime(run_at, '%Y-%m-%d %H:%M') AS at, calibration_end::VARCHAR AS c, holdout_end::VARCHAR AS h FROM backtests ORDER BY run_at DESC, backtest_id DESC LIMIT 1`,
    {},
  );
  if (!r) return null;
  return {
    runAt: s(r['at']),
    calibrationEnd: s(r['c']),
    holdoutEnd: s(r['h']),
    model: s(r['model']),
    customers: n(r['customers']),
    holdoutBuyers: n(r['holdout_buyers']),
    actualPurchases: n(r['actual_purchases']),
    expectedPurchases: n(r['expected_purchases']),
    horizonDays: n(r['horizon_days']),
    churnHorizonDays: n(r['churn_horizon_days']),
    aucExpectedOrders: orNull(r['auc_expected_orders']),
    aucChurnRisk: orNull(r['auc_churn_risk']),
    aucPAlive: orNull(r['auc_p_alive']),
    baselineAuc: orNull(r['baseline_auc']),
    pearson: orNull(r['pearson']),
    rmse: orNull(r['rmse']),
    bands: r['bands'] === null || r['bands'] === undefined ? null : (JSON.parse(s(r['bands'])) as BacktestBandRow[]),
    brier: orNull(r['brier']),
    calibrationError: orNull(r['calibration_error']),
  };
}
