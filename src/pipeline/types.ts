/** How a pipeline picks the date it reports as of. */
export type AsOfRule =
  /** the latest order date in the data */
  | 'latest-order'
  /** the last Sunday on or before the latest order date: the last complete week of the data */
  | 'week-ending-sunday';

/** A scheduled job: which exports to load, how to pick the as-of date, where reports go. */
export interface Pipeline {
  name: string;
  description: string;
  /** cron expression and IANA timezone (used by the scheduler) */
  schedule: { cron: string; timezone: string };
  /** export files or globs and their mapping file; relative paths are relative to the repo root */
  inputs: { files: string[]; mapping?: string };
  asOf: AsOfRule;
  /** optional segment rules file (JSON); default: the built-in R×F grid */
  rules?: string;
  outputs: { reportsDir: string };
}

/** Identity helper that type-checks a pipeline definition. */
export const definePipeline = (p: Pipeline): Pipeline => p;
