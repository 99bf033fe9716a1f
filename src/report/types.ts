import type { DynamicsReport } from './dynamics/types.js';
import type { ModelsReport } from './models/types.js';
import type { TrendReport } from './trend/types.js';
import type { ProductsReport } from './products/types.js';
import type { CurrencyTotals } from '../analyze/runCurrency.js';

export type { CurrencyTotals } from '../analyze/runCurrency.js';

/** The one currency a run analysed (run_config 'currency'), and the transactions it left out. */
export interface ReportCurrency {
  /** ISO 4217 code of every amount in the report; null when the data did not say */
  code: string | null;
  /** named (pipeline, --currency) or the one with the most net revenue; null for runs made before currencies */
  chosen: 'named' | 'most revenue' | null;
  /** other currencies (currency null = not known) up to the as-of date, never converted */
  others: CurrencyTotals[];
}
/**
 * Everything the report shows, read from the database by readReportData (one run). The HTML and
 * chart builders are pure functions of this object, so they can be tested without a database.
 * Numbers are plain JS numbers; dates are 'YYYY-MM-DD' strings.
 */
export interface ReportData {
  run: {
    runId: number;
    asOf: string;
    pipeline: string | null;
    startedAt: string; // ISO timestamp
    rulesName: string;
    /** IANA zone whose calendar days the run counted in (run_config 'report'); UTC when absent */
    timezone?: string;
  };
  /** The run before this one (earlier as-of), if any; KPI deltas compare against it. */
  previousRun: { runId: number; asOf: string } | null;
  window: {
    firstOrderDate: string; // earliest order date in the data used (<= as-of)
    lastOrderDate: string; // latest order date <= as-of
    transactions: number; // transaction lines dated <= as-of
    customers: number; // customers scored in this run
  };
  kpis: Kpi[];
  segments: SegmentRow[];
  /** One row per R×F cell that has customers (r, f in 1..5). */
  rfGrid: RfCell[];
  rules: RuleRow[];
  bins: BinRow[];
  loads: LoadRow[];
  quarantineByReason: { reason: string; rows: number }[];
  /** rows left out as no purchase, by reason without the "excluded " prefix ("status voided") */
  excludedByReason: { reason: string; rows: number }[];
  /** k-means clusters of the run; null when the run has none (too few customers, or an older run). */
  clusters: ClusterSection | null;
  /** movement, states, stages, cohorts and value concentration; null for runs made before them */
  dynamics: DynamicsReport | null;
  /** churn risk, CLV and model quality (fits, latest backtest); null for runs made before them */
  models: ModelsReport | null;
  /** the weekly trend from transactions; null for runs made before it */
  trend: TrendReport | null;
  /** the currency of every amount shown; money is formatted in it */
  currency: ReportCurrency;
  /** what customers buy (README "Products and categories"); null or absent when the run has none */
  products?: ProductsReport | null;
  /** the run's house accounts (table house_accounts), empty when none; null for runs made before they were detected */
  houseAccounts: HouseAccountRow[] | null;
  /** revenue of rows with no customer id in the loads that fed the run; null when no such load recorded it */
  noCustomer: NoCustomerRevenue | null;
}

/** A house account of the run: a marketplace or wholesale id (README "House accounts"). */
export interface HouseAccountRow {
  customerId: string;
  orders: number;
  /** net revenue up to the as-of date */
  revenue: number;
  orderShare: number;
  revenueShare: number;
  reason: 'declared' | 'orders' | 'revenue' | 'orders and revenue';
  /** houseAccounts.keepInModels was set: still in the fits and clusters */
  keptInModels: boolean;
}

/**
 * Net revenue of the rows quarantined as "missing customer_id" (loads.no_customer_revenue) over
 * all the revenue of the same loads, amounts as the files wrote them.
 */
export interface NoCustomerRevenue {
  revenue: number;
  /** revenue with and without a customer id in those loads */
  total: number;
  /** revenue / total, 0..1 (0 when total ≤ 0) */
  share: number;
  /** the loads summed: loaded before the run started, with no_customer_revenue recorded */
  loads: number;
}

export interface Kpi {
  key: string; // e.g. 'customers', 'revenue'
  label: string; // e.g. 'Active customers (last 28 days)', English
  value: number;
  /** the same KPI over the earlier period named by comparedWith; null when none */
  previous: number | null;
  format: 'int' | 'money' | 'pct' | 'days' | 'decimal';
  /** days the KPI counts over (the as-of day included); null for a to-date or run-to-run KPI */
  windowDays?: number | null;
  /**
   * What `previous` is: the equal window just before ('previous_window'), the same to-date KPI at
   * the start of the KPI window ('window_start'), the previous run ('previous_run', also runs made
   * before windows were recorded), or nothing ('none').
   */
  comparedWith?: KpiComparison;
}

export type KpiComparison = 'previous_window' | 'window_start' | 'previous_run' | 'none';

export interface SegmentRow {
  segment: string;
  customers: number;
  share: number; // of customers, 0..1
  revenue: number; // net spend of the segment's customers (monetary sum)
  revenueShare: number; // 0..1
  avgRecencyDays: number;
  avgFrequency: number;
  avgMonetary: number;
}

export interface RfCell {
  r: number;
  f: number;
  customers: number;
  meanMonetary: number;
  segment: string;
}

export interface RuleRow {
  priority: number; // first match wins, lowest priority number first
  segment: string;
  rMin: number;
  rMax: number;
  fMin: number;
  fMax: number;
  mMin: number;
  mMax: number;
  description: string | null;
}

export interface BinRow {
  metric: 'recency_days' | 'frequency' | 'monetary';
  score: number; // 1..5
  lower: number | null; // exclusive, null = unbounded
  upper: number | null; // inclusive, null = unbounded
  customers: number;
}

export interface LoadRow {
  loadId: number;
  path: string;
  loadedAt: string;
  rowsRead: number;
  rowsLoaded: number;
  rowsDuplicate: number;
  rowsExcluded: number;
  rowsQuarantined: number;
  status: string;
  /** the platform preset the file was read as (shopify, stripe), null for a plain mapping */
  preset: string | null;
  /** refund entries the load wrote (rows of their own, besides rowsLoaded) */
  refunds: number;
}

/** The Clusters section: profiles, silhouette per k tried, stability, and a scatter sample. */
export interface ClusterSection {
  /** The chosen number of clusters. */
  k: number;
  /** One row per cluster, by id. */
  profiles: ClusterProfileRow[];
  /** One row per k tried, ascending; silhouette null when undefined; minShare/eligible null for runs before migration 019. */
  silhouette: { k: number; silhouette: number | null; chosen: boolean; minShare: number | null; eligible: boolean | null }[];
  /** Why this k, the rule's settings and the naming cut-offs; null for runs before migration 019. */
  choice: ClusterChoice | null;
  /** Customers kept out of k-means, one row per non-empty group (none for runs before migration 019). */
  setAside: SetAsideRow[];
  /**
   * Customers in both this and the previous clustered run, how many changed cluster and the
   * adjusted Rand index (null when undefined or before migration 019); previousAri is the same
   * index of the run before (null when it has none). Null without a previous clustered run.
   */
  changes: { previousRunId: number; previousAsOf: string; compared: number; changed: number; ari: number | null; previousAri: number | null } | null;
  /** A seeded sample of at most a few thousand customers, for the scatter. */
  sample: ClusterPoint[];
}

export interface ClusterChoice {
  reason: string; // chooseK's KReason
  bestK: number | null;
  tolerance: number;
  minShare: number;
  clustered: number;
  setAside: number;
  cycleDays: number | null;
  recentDays: number | null;
  lapsedDays: number | null;
  frequentOrders: number | null;
  spendLow: number | null;
  spendHigh: number | null;
  /** Outlier fence per feature, in original units. */
  fences: Record<string, number | null>;
}

export interface SetAsideRow {
  reason: string; // house_account | no_net_spend | outlier
  customers: number;
  share: number | null; // of all the run's customers
  revenueShare: number | null; // of all the run's net spend
  medianRecencyDays: number | null;
  medianFrequency: number | null;
  medianMonetary: number | null;
}

export interface ClusterProfileRow {
  cluster: number; // 0..k-1, stable between runs
  /** Suggested action code (win_back | second_order | reward | upsell); null before migration 019. */
  action: string | null;
  /** Feature → the cluster's mean ÷ the clustered base's mean; empty before migration 019. */
  lift: Record<string, number | null>;
  name: string;
  size: number;
  share: number; // of customers, 0..1
  revenueShare: number | null; // of net spend, null when that is 0
  meanRecencyDays: number | null;
  medianRecencyDays: number | null;
  meanFrequency: number | null;
  medianFrequency: number | null;
  meanMonetary: number | null;
  medianMonetary: number | null;
  dominantSegment: string | null;
  dominantSegmentShare: number | null; // of the cluster, 0..1
}

export interface ClusterPoint {
  customerId: string;
  cluster: number;
  recencyDays: number;
  frequency: number;
  monetary: number;
}
