import { createStepLog } from '../../log/createStepLog.js';
import { loadProgress, withProgress } from '../../log/loadProgress.js';
import { loadPipeline, pipelineNames } from '../../pipeline/loadPipeline.js';
import { onParentExit } from '../../schedule/onParentExit.js';
import { onShutdownSignal } from '../../schedule/onShutdownSignal.js';
import { startScheduler, type Scheduler } from '../../schedule/startScheduler.js';
import { resolveDbPath } from '../../store/database.js';
import { usageError } from '../../util/error.js';
import { COMMON_DETAILS, type Command } from '../command.js';
import { lockTimeoutFlag, stringFlag } from '../parse.js';

export const scheduleCommand: Command = {
  name: 'schedule',
  summary: 'run pipelines on their cron schedules until stopped (SIGINT/SIGTERM)',
  synopsis: 'crm schedule [PIPELINE|FILE...] [--catch-up] [--out DIR] [--db PATH] [--lock-timeout S]',
  details: `Runs each pipeline (default: every pipeline in pipelines/, i.e. pipelines/*.json; a path
such as ./ops/nightly.json loads that file) on its cron expression in its time zone. The files are
read and checked at start (no build step); edit one, then restart the scheduler. A pipeline never overlaps itself: a tick
while its previous run is still going is skipped and logged. Every run takes the writer lock
(<db>.lock), so another scheduler or a manual crm run/load/analyze waits for it, and it for them.
A failed run is recorded in \`runs\` with its error; the scheduler keeps going. The database is
opened only while a run writes, so \`crm query\` works in between.

SIGINT or SIGTERM stops cleanly, and so does the end of the process that started it (npx or npm
do not pass SIGTERM on): no new runs; the run in progress finishes the step it is in
(committed whole) or rolls back, is recorded, and the process exits 0. A second signal exits at once
(DuckDB rolls back any open transaction when the file is next opened).

Logs: one line per step on stderr, JSON when stderr is not a terminal ($CRM_LOG_FORMAT=json|text
overrides).

  --catch-up       on start, run each pipeline whose latest successful run started before its
                   latest scheduled time (or that never succeeded), then keep the schedule
  --out DIR        write reports here instead of each pipeline's reports folder
${COMMON_DETAILS}`,
  options: { 'catch-up': { type: 'boolean' }, out: { type: 'string' } },
  positionals: [0, Infinity],
  async run(values, args, io) {
    const names = args.length ? args : pipelineNames();
    if (names.length === 0) throw usageError('no pipelines to schedule: none in pipelines/ and none given');
    const pipelines = await Promise.all(names.map((n) => loadPipeline(n)));
    const dup = pipelines.find((p, i) => pipelines.findIndex((q) => q.name === p.name) !== i);
    if (dup) throw usageError(`two pipelines are named "${dup.name}": names must be unique (they key the run history)`);
    const progress = loadProgress();
    const log = withProgress(createStepLog(io.err), progress);
    const db = resolveDbPath(stringFlag(values, 'db'));
    const out = stringFlag(values, 'out');
    log({ step: 'start', pid: process.pid, db, pipelines: pipelines.map((p) => p.name), msg: `scheduler pid ${process.pid} on ${db}: ${pipelines.map((p) => p.name).join(', ')}` });
    // handlers first: a signal during start-up (catch-up checks) still stops cleanly
    let scheduler: Scheduler | null = null;
    let early: string | null = null;
    const dispose = onShutdownSignal(
      (signal) => (scheduler ? void scheduler.stop(signal) : (early = signal)),
      (signal) => log({ level: 'error', step: 'stopped', msg: `second ${signal}: exiting now; an unfinished transaction is rolled back when the database is next opened` }),
    );
    const gone = 'the process that started the scheduler exited';
    const orphaned = onParentExit(() => (scheduler ? void scheduler.stop(gone) : (early = gone)));
    try {
      scheduler = await startScheduler({
        db, pipelines, log, catchUp: Boolean(values['catch-up']), lockTimeoutMs: lockTimeoutFlag(values),
        onFile: progress.file, ...(out ? { outDir: out } : {}),
      });
      if (early) void scheduler.stop(early);
      await scheduler.stopped;
    } finally {
      dispose();
      orphaned();
      progress.done();
    }
    return 0;
  },
};
