import type { DuckDBConnection } from '@duckdb/node-api';
import { inTransaction } from '../store/database.js';
import { buildSummary } from '../summary/buildSummary.js';
import { DEFAULT_DYNAMICS, type DynamicsConfig } from '../dynamics/config.js';
import { DEFAULT_HOUSE_ACCOUNTS, houseConfigProblems, type HouseAccountsConfig } from '../house/config.js';
import { checkModelsConfig, DEFAULT_MODELS, type ModelsConfig } from '../models/config.js';
import type { Locale } from '../report/i18n/locale.js';
import { DEFAULT_RULES } from '../rfm/defaultRules.js';
import type { RuleSet } from '../rfm/rules.js';
import { resolveAsOf } from './resolveAsOf.js';
import { runCurrency } from './runCurrency.js';
import { failRun, finishRun, previousRun, startRun } from './runs.js';
import type { StepContext } from './step.js';
import { STEPS } from './steps.js';
import { UTC } from '../timezone/parseTimeZone.js';
import { withLocalTransactions } from '../timezone/withLocalTransactions.js';
import { usageError } from '../util/error.js';

export interface AnalyzeOptions {
  /** YYYY-MM-DD; default the latest order date */
  asOf?: string;
  /** what picked asOf, for messages (default: the --as-of flag) */
  asOfSource?: string;
  /**
   * refuse an asOf more than this many days after the latest order (crm analyze and crm run pass
   * FUTURE_AS_OF_DAYS = 7 unless --allow-future-as-of); default: no limit
   */
  maxDaysAhead?: number;
  rules?: RuleSet;
  /** churn/CLV settings (default DEFAULT_MODELS); a pipeline passes its `models` merged over the defaults */
  models?: ModelsConfig;
  /** customer-state thresholds (default DEFAULT_DYNAMICS) */
  dynamics?: DynamicsConfig;
  /** house-account rule and declared ids (default DEFAULT_HOUSE_ACCOUNTS) */
  houseAccounts?: HouseAccountsConfig;
  /** language the report is meant for (default en) */
  locale?: Locale;
  pipeline?: string;
  /** a runs row created by the caller (status 'running'); default: a new one */
  runId?: number;
  /** ISO 4217 code to analyse (the pipeline's "currency"); default: the one with the most net revenue */
  currency?: string | null;
  /**
   * IANA zone whose calendar days the run counts in (the pipeline's "timezone"; default UTC):
   * an order belongs to the day, week and month of its local time there, and the as-of date is
   * a local day. Stored in run_config 'report'.
   */
  timezone?: string;
}

export interface AnalyzeResult {
  runId: number;
  asOf: string;
  customers: number;
  segments: Record<string, number>;
  /** step name → milliseconds */
  timings: Record<string, number>;
  notes: string[];
}

/**
 * One analysis run as of a date: the customer summary (a temp table), then every step in STEPS,
 * all written under one run id in one transaction. A failed run is recorded as 'failed' with nothing else
 * written.
 *
 * @example const { runId } = await analyze(conn, { asOf: '2024-06-30' });
 */
export async function analyze(conn: DuckDBConnection, opts: AnalyzeOptions = {}): Promise<AnalyzeResult> {
  const timezone = opts.timezone ?? UTC;
  return withLocalTransactions(conn, timezone, () => analyzeIn(conn, opts, timezone));
}

/** The run itself, with `transactions` read in the run's zone. */
async function analyzeIn(conn: DuckDBConnection, opts: AnalyzeOptions, timezone: string): Promise<AnalyzeResult> {
  const rules = opts.rules ?? DEFAULT_RULES;
  const models = opts.models ?? DEFAULT_MODELS;
  checkModelsConfig(models); // before a run row exists: bad settings are not a failed run
  const houseAccounts = opts.houseAccounts ?? DEFAULT_HOUSE_ACCOUNTS;
  const houseProblems = houseConfigProblems(houseAccounts);
  if (houseProblems.length) throw usageError(`invalid house-account settings: ${houseProblems.join('; ')}`);
  const settings = { models, dynamics: opts.dynamics ?? DEFAULT_DYNAMICS, houseAccounts, locale: opts.locale ?? 'en' };
  const asOf = await resolveAsOf(conn, opts.asOf, {
    ...(opts.asOfSource ? { source: opts.asOfSource } : {}), ...(opts.maxDaysAhead !== undefined ? { maxDaysAhead: opts.maxDaysAhead } : {}),
  });
  const runId = opts.runId ?? (await startRun(conn, asOf, opts.pipeline ?? null, rules.name));
  const timings: Record<string, number> = {};
  try {
    // The summary is a temp table: built before the transaction, where DuckDB works several times faster.
    const t0 = performance.now();
    const currency = await runCurrency(conn, asOf, opts.currency);
    const customers = await buildSummary(conn, asOf, currency.filter);
    timings['summary'] = Math.round(performance.now() - t0);
    const ctx = await inTransaction(conn, async () => {
      const ctx: StepContext = { conn, runId, asOf, rules, ...settings, customers, currency, previousRunId: await previousRun(conn, asOf), notes: [] };
      // models and dynamics store what they used in their steps; the rest of the settings here
      await conn.run(`INSERT INTO run_config VALUES ($run, 'report', $config)`, { run: runId, config: JSON.stringify({ currency: ctx.currency.code, locale: ctx.locale, timezone }) });
      for (const step of STEPS) {
        const t = performance.now();
        await step.run(ctx);
        timings[step.name] = Math.round(performance.now() - t);
      }
      return ctx;
    });
    await finishRun(conn, runId, ctx.customers, ctx.notes);
    return { runId, asOf, customers: ctx.customers, segments: await segmentCounts(conn, runId), timings, notes: ctx.notes };
  } catch (err) {
    await failRun(conn, runId, (err as Error).message);
    throw err;
  }
}

async function segmentCounts(conn: DuckDBConnection, runId: number): Promise<Record<string, number>> {
  const r = await conn.runAndReadAll(
    'SELECT segment, count(*) FROM customer_scores WHERE run_id = $run GROUP BY segment ORDER BY count(*) DESC, segment',
    { run: runId },
  );
  return Object.fromEntries(r.getRows().map(([s, n]) => [String(s), Number(n)]));
}
