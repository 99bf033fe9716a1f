import type { DuckDBConnection } from '@duckdb/node-api';
import type { DynamicsConfig } from '../dynamics/config.js';
import type { HouseAccountsConfig } from '../house/config.js';
import type { ModelsConfig } from '../models/config.js';
import type { Locale } from '../report/i18n/locale.js';
import type { RuleSet } from '../rfm/rules.js';
import type { RunCurrency } from './runCurrency.js';

/** What every analysis step gets: the run, its date, and the temp table `customer_summary`. */
export interface StepContext {
  conn: DuckDBConnection;
  runId: number;
  asOf: string;
  rules: RuleSet;
  /** churn/CLV settings of this run (a pipeline's `models` over DEFAULT_MODELS); stored in run_config */
  models: ModelsConfig;
  /** customer-state thresholds of this run (a pipeline's `dynamics` over DEFAULT_DYNAMICS); stored in run_config */
  dynamics: DynamicsConfig;
  /** house-account rule and declared ids of this run (a pipeline's `houseAccounts` over DEFAULT_HOUSE_ACCOUNTS); stored in run_config */
  houseAccounts: HouseAccountsConfig;
  /** language the run's report is meant for (the pipeline's locale; default en) */
  locale: Locale;
  /** customers in customer_summary (idx 0..n-1) */
  customers: number;
  /** the previous successful run (earlier as-of), for warm starts and movement; null if none */
  previousRunId: number | null;
  /** the one currency analysed (customer_summary holds only its transactions) and what was left out */
  currency: RunCurrency;
  /** notes a step wants shown (e.g. a model fell back); stored in runs.notes */
  notes: string[];
}

/**
 * One analysis step, run in order inside the run's transaction. A per-customer step stages its
 * customer_scores columns by idx in a temp table or view (see writeCustomerScores) and writes its
 * own tables; the scores step writes the customer_scores rows once; later steps read them.
 */
export interface AnalysisStep {
  name: string;
  run(ctx: StepContext): Promise<void>;
}
