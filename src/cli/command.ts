import type { ParseArgsConfig } from 'node:util';

/** Where a command writes: results to `out`, progress and errors to `err`. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export type Options = NonNullable<ParseArgsConfig['options']>;
export type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** One `crm` sub-command: its help text, flags, and what it does. */
export interface Command {
  name: string;
  /** one line for `crm --help` */
  summary: string;
  /** e.g. 'crm load <file|glob>... [--mapping FILE] [--json]' */
  synopsis: string;
  /** flag descriptions and notes shown by `crm <command> --help` */
  details: string;
  options: Options;
  /** how many positional arguments: [min, max] */
  positionals: [number, number];
  run(values: Values, positionals: string[], io: Io): Promise<number>;
}

/** Flags every command takes. */
export const COMMON_OPTIONS: Options = {
  db: { type: 'string' },
  'lock-timeout': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

export const COMMON_DETAILS = `  --db PATH        database file (default: $CRM_DB, else data/crm.duckdb)
  --lock-timeout S seconds to wait while another process writes the database (default:
                   $CRM_LOCK_TIMEOUT, else 30; 0 = do not wait), then exit 3 naming the holder
  -h, --help       show this help`;
