import type { DuckDBConnection } from '@duckdb/node-api';
import { isAbsolute, join } from 'node:path';
import { analyze, type AnalyzeResult } from '../analyze/analyze.js';
import { deliverAfterRun, type RunDeliveryOptions } from '../delivery/deliverAfterRun.js';
import type { DeliverResult } from '../delivery/deliverRun.js';
import { dataRange, FUTURE_AS_OF_DAYS } from '../analyze/resolveAsOf.js';
import { loadFiles, summarize } from '../load/loadFiles.js';
import { EMPTY_MAPPING, readMapping } from '../load/mapping.js';
import type { LoadSummary } from '../load/types.js';
import type { LogEvent, StepLog } from '../log/types.js';
import { DEFAULT_RULES } from '../rfm/defaultRules.js';
import { readRules } from '../rfm/rules.js';
import type { Locale } from '../report/i18n/index.js';
import { writeReport } from '../report/writeReport.js';
import { failPipelineRun } from '../runs/failPipelineRun.js';
import { reconcileInterruptedRuns } from '../runs/reconcileInterruptedRuns.js';
import { recordRunSteps } from '../runs/recordRunSteps.js';
import { setRunAsOf } from '../runs/setRunAsOf.js';
import { startPipelineRun } from '../runs/startPipelineRun.js';
import { stepsFromTimings } from '../runs/stepsFromTimings.js';
import type { RunSteps, Trigger } from '../runs/types.js';
import { CrmError, inputError } from '../util/error.js';
import { packageRoot } from '../util/paths.js';
import { applyAsOfRule } from './asOf.js';
import { expandPipelineInputs } from './expandPipelineInputs.js';
import { isUtc } from '../timezone/parseTimeZone.js';
import { withLocalTransactions } from '../timezone/withLocalTransactions.js';
import type { Pipeline } from './types.js';

export interface PipelineRunOptions {
  /** override the pipeline's as-of rule (re-make a past week) */
  asOf?: string;
  /** override the pipeline's reports folder */
  outDir?: string;
  /** language of the report (default: the pipeline's locale) */
  locale?: Locale;
  /** analyze an as-of date more than a week after the latest order (default: refused) */
  allowFutureAsOf?: boolean;
  /** one structured line per step */
  log?: StepLog;
  /** recorded in runs.trigger (default 'manual') */
  trigger?: Trigger;
  /** stop at the next step boundary: the step in progress commits or rolls back whole */
  signal?: AbortSignal;
  /** the clock, for clock-based as-of rules (default now) */
  now?: Date;
  /** told as each input file starts loading (progress indicator) */
  onFile?: (index: number, total: number, path: string) => void;
  /** how the pipeline's `delivery` runs after the report (resend, dry run, skip) */
  delivery?: RunDeliveryOptions;
}

export interface PipelineRunResult {
  runId: number;
  load: LoadSummary;
  analysis: AnalyzeResult;
  reportPath: string;
  steps: RunSteps;
  /** null when the pipeline delivers nothing (or delivery was skipped) */
  delivery: DeliverResult | null;
}

const ms = (since: number): number => Math.round(performance.now() - since);

/**
 * The loader advises `--mapping` for exports it cannot read; from a pipeline the fix is the
 * pipeline's own `inputs.mapping`, so say that instead.
 */
function pipelineLoadError(err: unknown, p: Pipeline): unknown {
  if (!(err instanceof CrmError) || !err.message.includes('--mapping')) return err;
  const where = p.source ?? `pipeline ${p.name}`;
  const message = err.message.replace(/pass --mapping FILE/g, `set "inputs.mapping" in ${where} to a mapping file`).replace(/--mapping/g, `"inputs.mapping" in ${where}`);
  return new CrmError(err.kind, message, { cause: err });
}

function stopIfAborted(signal: AbortSignal | undefined, next: string): void {
  if (signal?.aborted) {
    throw new CrmError('failure', `interrupted (${String(signal.reason ?? 'stop requested')}) before ${next}: the steps before it were committed whole, nothing of ${next} was written`);
  }
}

/**
 * One run of a pipeline, recorded in `runs` from its first moment: load the inputs (files loaded
 * before are skipped by checksum; a glob picks up new files), analyze as of the rule's date (or
 * `asOf`), write the report. Each step commits whole or not at all; a failure at any step —
 * loading included — leaves the run 'failed' with its error and the steps it got through.
 *
 * @example await runPipeline(conn, await loadPipeline('weekly'), { trigger: 'schedule', log })
 */
export async function runPipeline(conn: DuckDBConnection, p: Pipeline, opts: PipelineRunOptions = {}): Promise<PipelineRunResult> {
  const base = p.baseDir ?? packageRoot();
  const at = (path: string): string => (isAbsolute(path) ? path : join(base, path));
  const trigger = opts.trigger ?? 'manual';
  const reconciled = await reconcileInterruptedRuns(conn);
  const runId = await startPipelineRun(conn, { pipeline: p.name, trigger, asOf: opts.asOf ?? null });
  const ev = (e: LogEvent): void => opts.log?.({ pipeline: p.name, run_id: runId, ...e });
  if (reconciled) ev({ level: 'warn', step: 'reconcile', runs: reconciled, msg: `${reconciled} earlier run(s) left 'running' by a process that died are now marked failed` });
  ev({ step: 'start', trigger, msg: `run ${runId} started (${trigger}${opts.asOf ? `, as of ${opts.asOf}` : ''})` });
  const steps: RunSteps = {};
  const t0 = performance.now();
  try {
    stopIfAborted(opts.signal, 'load');
    let t = performance.now();
    const mapping = p.inputs.mapping ? readMapping(at(p.inputs.mapping)) : EMPTY_MAPPING;
    const files = await expandPipelineInputs(conn, p.inputs.files, base);
    // the pipeline's currency is its exports' currency where neither a row nor the mapping says
    const loadOpts = { mapping, mappingSource: p.inputs.mapping ?? 'the default mapping', ...(p.currency ? { currency: p.currency } : {}), ...(p.inputs.preset ? { preset: p.inputs.preset } : {}),
      // naive order dates are the business's wall time unless the mapping (or its preset) says
      // otherwise; UTC, the default, reads them as written and is left out of the stored mapping
      ...(isUtc(p.timezone) ? {} : { timezone: p.timezone }), ...(opts.onFile ? { onFile: opts.onFile } : {}) };
    const load = files.length
      ? await loadFiles(conn, files, loadOpts).catch((err: unknown) => {
        throw pipelineLoadError(err, p);
      })
      : summarize([]);
    const counts = { files: files.length, rows_read: load.rows_read, loaded: load.loaded, duplicates: load.duplicates, excluded: load.excluded, quarantined: load.quarantined };
    steps['load'] = { ms: ms(t), ...counts };
    ev({ step: 'load', ms: steps['load'].ms, ...counts, msg: `${files.length} file(s): ${load.rows_read} rows read, ${load.loaded} loaded, ${load.duplicates} duplicates (already loaded), ${load.quarantined} quarantined` });

    stopIfAborted(opts.signal, 'analysis');
    const range = await withLocalTransactions(conn, p.timezone, () => dataRange(conn));
    if (!range) throw inputError(`pipeline ${p.name}: its inputs hold no usable transactions${files.length ? '' : ` (nothing matches ${p.inputs.files.join(', ')})`}`);
    const asOf = opts.asOf ?? applyAsOfRule(p.asOf, range.last, opts.now ?? new Date(), p.schedule.timezone);
    const rules = p.rules ? readRules(at(p.rules)) : DEFAULT_RULES;
    await setRunAsOf(conn, runId, asOf, rules.name);
    const analysis = await analyze(conn, {
      asOf, pipeline: p.name, rules, runId, models: p.models, dynamics: p.dynamics, houseAccounts: p.houseAccounts, currency: p.currency, timezone: p.timezone, locale: opts.locale ?? p.locale,
      ...(opts.asOf ? {} : { asOfSource: `picked by the as-of rule ${p.asOf} of ${p.source ?? `pipeline ${p.name}`}` }),
      ...(opts.allowFutureAsOf ? {} : { maxDaysAhead: FUTURE_AS_OF_DAYS }),
    });
    for (const [name, record] of Object.entries(stepsFromTimings(analysis.timings, analysis.customers))) {
      steps[name] = record;
      const summary = name === 'summary';
      ev({ step: name, ...record, ...(summary ? { as_of: asOf } : {}), msg: summary ? `as of ${asOf}: ${analysis.customers} customers` : 'done' });
    }

    // the analysis is committed: finish with its report rather than stop here
    t = performance.now();
    const reportPath = await writeReport(conn, runId, opts.outDir ?? at(p.outputs.reportsDir), { locale: opts.locale ?? p.locale });
    steps['report'] = { ms: ms(t) };
    ev({ step: 'report', ms: steps['report'].ms, path: reportPath, msg: reportPath });
    await recordRunSteps(conn, runId, steps);
    const delivery = await deliverAfterRun(conn, runId, p, reportPath, opts.locale ?? p.locale, opts.delivery ?? {}, ev);
    ev({ step: 'done', ms: ms(t0), status: 'ok', as_of: asOf, msg: `run ${runId} ok, as of ${asOf}` });
    return { runId, load, analysis, reportPath, steps, delivery };
  } catch (err) {
    const message = (err as Error).message;
    try {
      await failPipelineRun(conn, runId, message, steps);
    } catch (recordErr) {
      ev({ level: 'error', step: 'record', msg: `could not record the failure: ${(recordErr as Error).message}` });
    }
    ev({ level: 'error', step: 'failed', ms: ms(t0), status: 'failed', error: message, msg: message });
    throw err;
  }
}
