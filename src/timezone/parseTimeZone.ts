import { inputError, usageError } from '../util/error.js';
import { suggestion } from '../util/didYouMean.js';

/** The zone every stored order_date is in, and the default of every timezone setting. */
export const UTC = 'UTC';

/**
 * The IANA zone name as the runtime's ICU spells it (the same tz database DuckDB's ICU reads),
 * or undefined when it names no zone. Case is forgiven ("america/new_york"); offsets such as
 * "+05:00" and abbreviations ICU does not know are not zones.
 *
 * @example canonicalZone('america/new_york') // 'America/New_York'; canonicalZone('Mars/Olympus') // undefined
 */
export function canonicalZone(name: string): string | undefined {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return undefined;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
    // ICU's case, but the name as written when ICU calls it by an older alias (Asia/Kolkata, not
    // Asia/Calcutta): DuckDB's ICU takes both, and the user's spelling reads back in messages
    return resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
  } catch {
    return undefined;
  }
}

/**
 * Whether a zone is UTC itself (UTC, Etc/UTC, GMT…), so no conversion is needed at all.
 *
 * @example isUtc('Etc/UTC') // true; isUtc('Europe/London') // false
 */
export function isUtc(zone: string): boolean {
  if (!canonicalZone(zone)) return false;
  return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone === UTC;
}

const ZONES: readonly string[] = [UTC, ...Intl.supportedValuesOf('timeZone')];

/**
 * What is wrong with a timezone setting, or undefined when it names a zone: the message names the
 * value, a close zone name when there is one, and the form expected.
 *
 * @example timeZoneProblem('America/New_Yrok') // 'unknown time zone "America/New_Yrok" (did you mean "America/New_York"?); …'
 */
export function timeZoneProblem(value: unknown): string | undefined {
  if (typeof value === 'string' && canonicalZone(value)) return undefined;
  const hint = typeof value === 'string' ? suggestion(value, ZONES) : '';
  return `unknown time zone ${JSON.stringify(value)}${hint}; use an IANA name such as "UTC", "America/New_York" or "Europe/Berlin"`;
}

/**
 * A timezone setting checked and spelled as ICU spells it; `where` names the setting in the
 * message (e.g. `mapping.json: "timezone"`). A bad name is bad input (exit 3).
 *
 * @example parseTimeZone('europe/berlin', 'm.json: "timezone"') // 'Europe/Berlin'
 */
export function parseTimeZone(value: unknown, where: string): string {
  const problem = timeZoneProblem(value);
  if (problem) throw inputError(`${where}: ${problem}`);
  return canonicalZone(value as string)!;
}

/**
 * A `--timezone` flag's value checked (a bad name is a usage error, exit 2), or undefined when
 * the flag is not given.
 *
 * @example timeZoneFlag('America/New_York') // 'America/New_York'; timeZoneFlag(undefined) // undefined
 */
export function timeZoneFlag(value: string | undefined, flag = '--timezone'): string | undefined {
  if (value === undefined) return undefined;
  const problem = timeZoneProblem(value);
  if (problem) throw usageError(`${flag}: ${problem}`);
  return canonicalZone(value);
}
