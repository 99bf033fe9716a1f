/** How a pipeline picks the date it reports as of. */
export type AsOfRule =
  /** the latest order date in the data */
  | 'latest-order'
  /** the last Sunday on or before the latest order date: the last complete week of the data */
  | 'week-ending-sunday'
  /**
   * the last complete week by the clock: the Sunday before today in the schedule's time zone
   * (on a Sunday, the Sunday a week earlier, since today's week is not over)
   */
  | 'last-complete-week';

/** A scheduled job: which exports to load, how to pick the as-of date, where reports go. */
export interface Pipeline {
  name: string;
  description: string;
  /** cron expression (5 fields, or 6 with seconds first) and IANA timezone (used by the scheduler) */
  schedule: { cron: string; timezone: string };
  /**
   * export files or globs (a glob is re-read on every run, so a folder can be watched: each new
   * file loads once, by checksum) and their mapping file. Relative paths are relative to the repo
   * root, or for a pipeline loaded from a path, to that file's folder.
   */
  inputs: { files: string[]; mapping?: string };
  asOf: AsOfRule;
  /** optional segment rules file (JSON); default: the built-in R×F grid */
  rules?: string;
  outputs: { reportsDir: string };
  /** where relative paths resolve; set by loadPipeline (default: the repo root) */
  baseDir?: string;
}

/** Identity helper that type-checks a pipeline definition. */
export const definePipeline = (p: Pipeline): Pipeline => p;
