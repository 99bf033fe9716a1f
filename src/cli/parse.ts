import { parseArgs } from 'node:util';
import { lockTimeoutMs } from '../store/lock/lockTimeout.js';
import { suggestion } from '../util/didYouMean.js';
import { usageError } from '../util/error.js';
import { COMMON_OPTIONS, type Command, type Values } from './command.js';

/** Parse a command's arguments strictly: unknown flags and wrong counts are usage errors. */
export function parseCommandArgs(cmd: Command, argv: string[]): { values: Values; positionals: string[] } {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...COMMON_OPTIONS, ...cmd.options }, allowPositionals: true, strict: true });
  } catch (err) {
    const message = (err as Error).message.replace(/\. To specify a positional.*$/s, '');
    throw usageError(`${message}${flagSuggestion(message, cmd)}\nusage: ${cmd.synopsis}\n(see crm ${cmd.name} --help)`);
  }
  const { values, positionals } = parsed;
  if (values['help']) return { values, positionals };
  const [min, max] = cmd.positionals;
  if (positionals.length < min) throw usageError(`missing argument\nusage: ${cmd.synopsis}`);
  if (positionals.length > max) {
    throw usageError(`unexpected argument "${positionals[max]}"\nusage: ${cmd.synopsis}`);
  }
  return { values, positionals };
}

/** For "Unknown option '--fromat'": " (did you mean --format?)" from the command's flags, else ''. */
function flagSuggestion(message: string, cmd: Command): string {
  const flag = /Unknown option '--?([^'=]+)/.exec(message)?.[1];
  return flag === undefined ? '' : suggestion(flag, Object.keys({ ...COMMON_OPTIONS, ...cmd.options }), (c) => `--${c}`);
}

/** A string flag's value, if given. */
export const stringFlag = (values: Values, name: string): string | undefined => {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
};

/** A repeatable string flag's values (e.g. --param a=1 --param b=2). */
export const stringsFlag = (values: Values, name: string): string[] => {
  const v = values[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
};

/** How long to wait for a busy database: --lock-timeout, else $CRM_LOCK_TIMEOUT, else 30 s. */
export const lockTimeoutFlag = (values: Values): number => lockTimeoutMs(stringFlag(values, 'lock-timeout'));
