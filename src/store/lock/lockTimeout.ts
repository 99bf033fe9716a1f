import { usageError } from '../../util/error.js';

/** How long a command waits for a busy database unless told otherwise, in seconds. */
export const DEFAULT_LOCK_TIMEOUT_S = 30;

/**
 * The lock wait in milliseconds: the --lock-timeout flag (seconds), else $CRM_LOCK_TIMEOUT, else
 * 30 s. 0 means do not wait.
 *
 * @example lockTimeoutMs('2.5') // 2500
 */
export function lockTimeoutMs(flag?: string): number {
  const [value, source] = flag !== undefined ? [flag, '--lock-timeout'] : [process.env['CRM_LOCK_TIMEOUT'], 'CRM_LOCK_TIMEOUT'];
  if (value === undefined || value === '') return DEFAULT_LOCK_TIMEOUT_S * 1000;
  const s = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !Number.isFinite(s)) {
    throw usageError(`${source} expects a number of seconds (0 or more), got "${value}"`);
  }
  return Math.round(s * 1000);
}
