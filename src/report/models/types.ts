import type { ModelsConfig } from '../../models/config.js';

/**
 * The churn-risk, CLV and model-quality parts of a report (issue 4). Each part is null or empty
 * when the run has none (a run made before the models existed, or one whose fits failed), and the
 * section then says so.
 */
export interface ModelsReport {
  /** The settings the run used (run_config 'models'); null for runs made before them. */
  assumptions: ModelsConfig | null;
  churn: ChurnReport | null;
  clv: ClvReport | null;
  /** One row per model fitted in this run (model_fits). */
  fits: ModelFitRow[];
  /** The latest `crm backtest`, whatever run it followed; null when none was run. */
  backtest: BacktestRow | null;
  /** The run's notes about the models (fallbacks, thin data), shown as warnings. */
  notes: string[];
}

export interface ChurnReport {
  /** e.g. 'MBG/NBD', or 'NBD (no-dropout limit of the MBG/NBD)'. */
  scoredWith: string;
  /** One row per band present, in the order low, medium, high. */
  bands: ChurnBandRow[];
  /** The high-risk customers with the highest 12-month CLV, most valuable first. */
  atRisk: AtRiskCustomer[];
  /** All customers at high churn risk in the high-value tiers (HIGH_VALUE_TIERS), summed. */
  highValueAtRisk: { customers: number; clv: number; historicValue: number };
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
  historicValue: number;
  orders: number;
  recencyDays: number;
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
}

export interface ModelFitRow {
  model: string; // 'bgnbd' | 'mbgnbd' | 'gammagamma'
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
}
