import type { DeliveryConfig } from '../delivery/types.js';
import type { DynamicsConfig } from '../dynamics/config.js';
import type { HouseAccountsConfig } from '../house/config.js';
import type { ModelsConfig } from '../models/config.js';
import type { Locale } from '../report/i18n/locale.js';

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

/** Every key optional, at every depth: the part of a settings object a pipeline file overrides. */
export type DeepPartial<T> = { [K in keyof T]?: T[K] extends readonly unknown[] ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K] };

/**
 * A pipeline as written in its file (pipelines/<name>.json, or a .js/.mjs module's default export):
 * which exports to load, how to pick the as-of date, the analysis settings, where reports go.
 * README "Pipelines" documents every key and its default.
 */
export interface PipelineFile {
  name: string;
  description?: string;
  /** cron expression (5 fields, or 6 with seconds first) and IANA time zone (default: `timezone`, else UTC) */
  schedule: { cron: string; timezone?: string };
  /**
   * IANA zone of the business (default UTC): the calendar days, weeks and months the analysis
   * counts in, the as-of date's day, and the zone of order dates written without an offset
   * (where the mapping's own "timezone" does not say)
   */
  timezone?: string;
  /**
   * export files or globs (a glob is re-read on every run, so a folder can be watched: each new
   * file loads once, by checksum) and their mapping file. Relative paths resolve against the repo
   * root for a file in pipelines/, else against the file's own folder. `preset` reads them as a
   * platform's export (shopify, stripe; see README "Presets"), the mapping overriding its keys.
   */
  inputs: { files: string[]; mapping?: string; preset?: string };
  /** default 'week-ending-sunday' */
  asOf?: AsOfRule;
  /** segment rules file (JSON); default: the built-in R×F grid */
  rules?: string;
  /** ISO 4217 code of the amounts (e.g. "GBP"); default none declared */
  currency?: string | null;
  /** language of the report; default en */
  locale?: Locale;
  /** churn/CLV settings over DEFAULT_MODELS (src/models/config.ts) */
  models?: DeepPartial<ModelsConfig>;
  /** customer-state thresholds over DEFAULT_DYNAMICS (src/dynamics/config.ts) */
  dynamics?: Partial<DynamicsConfig>;
  /** house-account rule, declared ids and keepInModels over DEFAULT_HOUSE_ACCOUNTS (src/house/config.ts) */
  houseAccounts?: Partial<HouseAccountsConfig>;
  /** default { reportsDir: 'reports' } */
  outputs?: { reportsDir?: string };
  /** email and chat delivery of the report (README "Delivery"); default none */
  delivery?: unknown;
}

/** A pipeline checked and completed with the defaults: what runs. */
export interface Pipeline {
  name: string;
  description: string;
  schedule: { cron: string; timezone: string };
  timezone: string;
  inputs: { files: string[]; mapping?: string; preset?: string };
  asOf: AsOfRule;
  rules?: string;
  currency: string | null;
  locale: Locale;
  models: ModelsConfig;
  dynamics: DynamicsConfig;
  houseAccounts: HouseAccountsConfig;
  outputs: { reportsDir: string };
  /** how the report is delivered; absent = written only */
  delivery?: DeliveryConfig;
  /** where relative paths resolve; set by loadPipeline (default: the repo root) */
  baseDir?: string;
  /** the file it came from, as shown in messages (e.g. pipelines/weekly.json); set by loadPipeline */
  source?: string;
}

/** Identity helper that type-checks a pipeline written as a JavaScript module (JSON needs none). */
export const definePipeline = (p: PipelineFile): PipelineFile => p;
