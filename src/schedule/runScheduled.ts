import type { StepLog } from '../log/types.js';
import { runPipeline } from '../pipeline/runPipeline.js';
import type { Pipeline } from '../pipeline/types.js';
import { withDatabase } from '../store/database.js';

export interface ScheduledRunContext {
  db: string;
  lockTimeoutMs: number;
  /** aborted when the scheduler stops */
  signal: AbortSignal;
  log: StepLog;
  outDir?: string;
  onFile?: (index: number, total: number, path: string) => void;
}

/**
 * One scheduled run of a pipeline: take the writer lock, open the database, run, close. Never
 * throws: a failed run is recorded in `runs` (by runPipeline) and logged, and the scheduler goes
 * on; a run that could not even get the database (locked past the timeout) is logged as skipped.
 */
export async function runScheduled(p: Pipeline, why: 'cron' | 'catch-up', ctx: ScheduledRunContext): Promise<void> {
  if (ctx.signal.aborted) return;
  const log: StepLog = (e) => ctx.log({ ...e, reason: why });
  let started = false;
  try {
    await withDatabase(
      ctx.db,
      { lockTimeoutMs: ctx.lockTimeoutMs, signal: ctx.signal, onWait: (msg) => log({ pipeline: p.name, step: 'wait', msg }) },
      (conn) => {
        started = true;
        return runPipeline(conn, p, {
          trigger: 'schedule', log, signal: ctx.signal,
          ...(ctx.outDir ? { outDir: ctx.outDir } : {}), ...(ctx.onFile ? { onFile: ctx.onFile } : {}),
        });
      },
    );
  } catch (err) {
    // inside the run, runPipeline has recorded and logged the failure already
    if (!started) log({ level: 'error', pipeline: p.name, step: 'skip', error: (err as Error).message, msg: `run not started: ${(err as Error).message}` });
  }
}
