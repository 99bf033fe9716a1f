import type { UsedModelsConfig } from '../../models/config.js';
import type { ValueTier } from '../../models/tiers.js';

/**
 * The churn-risk, CLV and model-quality parts of a report (issue 4). Each part is null or empty
 * when the run has none (a run made before the models existed, or one whose fits failed), and the
 * section then says so.
 */
export interface ModelsReport {
  /** The settings the run used (run_config 'models'); null for runs made before them. */
  assumptions: UsedModelsConfig | null;
  /** Customers with more than one purchase day (x > 0), for the "how far to trust" note. */
  repeatBuyers: number;
  churn: ChurnReport | null;
  clv: ClvReport | null;
  /** One row per model fitted in this run (model_fits). */
  fits: ModelFitRow[];
  /** The latest `crm backtest`, whatever run it followed; null when none was run. */
  backtest: BacktestRow | null;
  /** The run's notes about the models (fallbacks, thin data), shown as warnings. */
  notes: string[];
  /** How the run chose its churn model (model_selection); null for runs made before selection. */
  selection?: SelectionReport | null;
}

/** One run's model selection: the choice, why, the candidates' holdout scores and the evidence. */
export interface SelectionReport {
  /** The setting: 'auto' or the model forced. */
  setting: string;
  chosen: string | null;
  /** Days held out; null when selection did not run (forced, or too little history). */
  holdoutDays: number | null;
  customers: number | null;
  holdoutBuyers: number | null;
  /** In English, as stored (the rule's outcome with the numbers). */
  reason: string;
  candidates: SelectionCandidate[];
  evidence: EvidenceData | null;
  /** Pearson(x, m̄) of the run's repeat buyers: Gamma-Gamma assumes none; null when not measured. */
  spendCorrelation: number | null;
}

export interface SelectionCandidate {
  model: string;
  aucExpectedOrders: number | null;
  aucChurnRisk: number | null;
  calibrationError: number | null;
  brier: number | null;
  holdoutLogLikelihood: number | null;
  expectedPurchases: number | null;
  actualPurchases: number | null;
  /** The calibration fit found no dropout and its NBD limit was scored. */
  noDropout: boolean;
  failed: string | null;
}

/** The evidence charts' data (the chosen model's calibration fit against the holdout). */
export interface EvidenceData {
  byFrequency: { x: number; orMore: boolean; customers: number; actual: number; expected: number }[];
  tracking: { day: number; actual: number; expected: number }[];
  reliability: { customers: number; predicted: number; observed: number }[];
}

export interface ChurnReport {
  /** e.g. 'MBG/NBD', or 'NBD (no-dropout limit of the MBG/NBD)'. */
  scoredWith: string;
  /** One row per band present, in the order low, medium, high. */
  bands: ChurnBandRow[];
  /** The first rows of the worth-saving list (queries/worth-saving.sql, = worth-saving.csv). */
  atRisk: AtRiskCustomer[];
  /** The whole worth-saving list (high churn band, a high value tier), summed. */
  highValueAtRisk: { customers: number; clv: number; valueIfKept: number; historicValue: number };
  /** The value tiers "high value" meant in this run. */
  highValueTiers: ValueTier[];
  /** The run's churn horizon in days; null when not recorded. */
  horizonDays: number | null;
}

export interface ChurnBandRow {
  band: string; // 'low' | 'medium' | 'high'
  customers: number;
  share: number; // of scored customers, 0..1
  meanRisk: number;
  clv: number; // sum of clv_12m: value at stake
  historicValue: number;
}

export interface AtRiskCustomer {
  customerId: string;
  segment: string;
  churnRisk: number;
  pAlive: number;
  clv: number;
  /** 12-month value if kept (clv_12m with P(alive) = 1). */
  valueIfKept: number;
  historicValue: number;
  orders: number;
  recencyDays: number;
  /** The summary behind the reason (days), so the report words it in its locale. */
  x: number;
  txDays: number;
  TDays: number;
  /** The stored English reason (CSV and SQL users read this one). */
  reason: string;
}

export interface ClvReport {
  customers: number;
  totalClv: number;
  totalHistoric: number;
  meanClv: number;
  medianClv: number;
  /** Histogram of clv_12m; the last bin may be open-ended (the top 1% tail). */
  bins: ClvBin[];
  /** One row per value tier, in the order top, mid, low. */
  tiers: ValueTierRow[];
}

export interface ClvBin {
  lower: number;
  upper: number;
  customers: number;
  /** The last bin counts every value ≥ lower. */
  open: boolean;
}

export interface ValueTierRow {
  tier: string; // 'top' | 'mid' | 'low'
  customers: number;
  share: number; // of customers
  clv: number;
  clvShare: number; // of total CLV, 0..1 (0 when the total is 0)
  historicValue: number;
  minClv: number;
  meanClv: number;
  /** The tier's lowest 12-month value if kept: the tier's cut-off. */
  minValueIfKept: number;
}

export interface ModelFitRow {
  model: string; // 'bgnbd' | 'mbgnbd' | 'pnbd' | 'gammagamma'
  params: Record<string, number | null> | null;
  logLikelihood: number | null;
  nCustomers: number;
  timeUnit: string;
  converged: boolean;
  iterations: number;
  message: string | null;
  boundary: boolean;
  usedForScoring: boolean;
}

export interface BacktestRow {
  runAt: string;
  calibrationEnd: string;
  holdoutEnd: string;
  model: string;
  customers: number;
  holdoutBuyers: number;
  actualPurchases: number;
  expectedPurchases: number;
  horizonDays: number;
  churnHorizonDays: number;
  aucExpectedOrders: number | null;
  aucChurnRisk: number | null;
  aucPAlive: number | null;
  baselineAuc: number | null;
  pearson: number | null;
  rmse: number | null;
  /** Per churn band: predicted risk against the no-order share observed; null for backtests made before. */
  bands: BacktestBandRow[] | null;
  /** Brier score and calibration error of the churn risk (null: not measured, or backtests made before). */
  brier?: number | null;
  calibrationError?: number | null;
}

/** One churn band of a backtest, as stored in backtests.bands. */
export interface BacktestBandRow {
  band: string;
  customers: number;
  share: number;
  mean_risk: number | null;
  /** Share of the band's customers with no order within the churn horizon after the calibration end; null when the holdout is shorter. */
  observed_no_order: number | null;
}
