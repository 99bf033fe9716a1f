import cron, { type ScheduledTask } from 'node-cron';
import { existsSync } from 'node:fs';
import type { StepLog } from '../log/types.js';
import type { Pipeline } from '../pipeline/types.js';
import { lastSuccessfulStart } from '../runs/lastSuccessfulStart.js';
import { withDatabase } from '../store/database.js';
import { needsCatchUp } from './needsCatchUp.js';
import { previousFireTime } from './previousFireTime.js';
import { runScheduled } from './runScheduled.js';
import { createSerialQueue } from './serialQueue.js';
import { validateSchedule } from './validateSchedule.js';

export interface SchedulerOptions {
  db: string;
  pipelines: Pipeline[];
  /** on start, run each pipeline that missed its latest scheduled time (see needsCatchUp) */
  catchUp: boolean;
  lockTimeoutMs: number;
  log: StepLog;
  outDir?: string;
  onFile?: (index: number, total: number, path: string) => void;
}

export interface Scheduler {
  /** stop firing, let the run in progress finish or roll back at its next step, then resolve */
  stop(reason: string): Promise<void>;
  /** resolves once stopped */
  stopped: Promise<void>;
}

const quiet = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };

/**
 * Run pipelines on their cron schedules (node-cron, in each pipeline's time zone) until stopped.
 * A pipeline never overlaps itself: a tick while its previous run is still going is skipped and
 * logged. Runs of different pipelines go one at a time in this process, and under the writer lock
 * against other processes. A failed run is recorded and logged; the scheduler keeps going.
 *
 * @example const s = await startScheduler({ db, pipelines: [weekly], catchUp: true, lockTimeoutMs: 30_000, log }); await s.stopped;
 */
export async function startScheduler(opts: SchedulerOptions): Promise<Scheduler> {
  opts.pipelines.forEach(validateSchedule);
  const controller = new AbortController();
  const queue = createSerialQueue();
  const busy = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  const ctx = { db: opts.db, lockTimeoutMs: opts.lockTimeoutMs, signal: controller.signal, log: opts.log, ...(opts.outDir ? { outDir: opts.outDir } : {}), ...(opts.onFile ? { onFile: opts.onFile } : {}) };

  const fire = (p: Pipeline, why: 'cron' | 'catch-up'): void => {
    if (controller.signal.aborted) return;
    if (busy.has(p.name)) {
      opts.log({ level: 'warn', pipeline: p.name, step: 'skip', reason: why, msg: 'the previous run is still in progress: this run is skipped (no overlap)' });
      return;
    }
    busy.add(p.name);
    const run = queue.run(() => runScheduled(p, why, ctx)).finally(() => {
      busy.delete(p.name);
      inFlight.delete(run);
    });
    inFlight.add(run);
  };

  const catchUps = opts.catchUp ? await pipelinesToCatchUp(opts) : [];
  const tasks: ScheduledTask[] = opts.pipelines.map((p) => {
    const task = cron.createTask(p.schedule.cron, () => fire(p, 'cron'), { timezone: p.schedule.timezone, name: p.name, logger: quiet });
    void task.start();
    const next = task.getNextRun()?.toISOString() ?? 'never';
    opts.log({ pipeline: p.name, step: 'scheduled', cron: p.schedule.cron, timezone: p.schedule.timezone, next, msg: `cron "${p.schedule.cron}" (${p.schedule.timezone}), next run ${next}` });
    return task;
  });
  catchUps.forEach((p) => fire(p, 'catch-up'));

  let resolveStopped!: () => void;
  const stopped = new Promise<void>((r) => (resolveStopped = r));
  let stopping: Promise<void> | null = null;
  const stop = (reason: string): Promise<void> =>
    (stopping ??= (async () => {
      controller.abort(reason);
      for (const task of tasks) await task.destroy();
      opts.log({ step: 'stopping', msg: `${reason}: stopping${inFlight.size ? '; the run in progress finishes its current step or rolls it back' : ''}` });
      await Promise.allSettled([...inFlight]);
      opts.log({ step: 'stopped', msg: 'scheduler stopped' });
      resolveStopped();
    })());
  return { stop, stopped };
}

/** The pipelines whose latest successful run is older than their latest scheduled time. */
async function pipelinesToCatchUp(opts: SchedulerOptions): Promise<Pipeline[]> {
  const now = new Date();
  const out: Pipeline[] = [];
  for (const p of opts.pipelines) {
    const previous = previousFireTime(p.schedule.cron, p.schedule.timezone, now);
    const last = existsSync(opts.db)
      ? await withDatabase(opts.db, { readOnly: true, lockTimeoutMs: opts.lockTimeoutMs }, (conn) => lastSuccessfulStart(conn, p.name))
      : null;
    const due = needsCatchUp(previous, last);
    opts.log({
      pipeline: p.name, step: 'catch-up', due, previous_scheduled: previous?.toISOString() ?? null, last_success: last?.toISOString() ?? null,
      msg: due
        ? `missed: ${last ? `the last successful run (${last.toISOString()}) started before` : 'no successful run yet, and it was due at'} the previous scheduled time ${previous!.toISOString()}; running now`
        : `not needed: last successful run ${last?.toISOString() ?? 'never'}, previous scheduled time ${previous?.toISOString() ?? 'none in 400 days'}`,
    });
    if (due) out.push(p);
  }
  return out;
}
