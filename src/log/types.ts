/** One structured log line: what happened at which step of which run, plus any counts. */
export interface LogEvent {
  level?: 'info' | 'warn' | 'error';
  pipeline?: string;
  run_id?: number;
  /** e.g. start, load, summary, rfm, report, done, failed, skip, wait, scheduled, stopped */
  step: string;
  /** the readable sentence (also in JSON lines, so greps work on both) */
  msg: string;
  ms?: number;
  [field: string]: unknown;
}

/** Where steps report: one call, one line. */
export type StepLog = (event: LogEvent) => void;
