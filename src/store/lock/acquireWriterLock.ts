import { hostname } from 'node:os';
import { CrmError, inputError } from '../../util/error.js';
import { sleep } from '../../util/sleep.js';
import { describeHolder } from './describeHolder.js';
import { lockPathOf } from './lockPath.js';
import { releaseLock } from './releaseLock.js';
import { tryAcquireLock } from './tryAcquireLock.js';
import type { LockHolder } from './types.js';

export interface LockWaitOptions {
  /** give up after this many milliseconds (0: do not wait) */
  timeoutMs: number;
  /** stop waiting (e.g. on SIGTERM) */
  signal?: AbortSignal;
  /** told once, when the lock is busy and waiting starts */
  onWait?: (message: string) => void;
  /** recorded in the lock for others' messages; default `crm <argv>` */
  command?: string;
}

/** The command line of this process as a user would type it. */
export const thisCommand = (): string => ['crm', ...process.argv.slice(2)].join(' ');

/**
 * Take the writer lock of a database (`<db>.lock`, holding pid, host, start time and command),
 * waiting with backoff while another live process holds it. Only one process writes a database
 * at a time: schedulers, `crm run`, `crm load`, `crm analyze`, `crm query --write`.
 *
 * @returns a function that releases the lock
 * @example const release = await acquireWriterLock('data/crm.duckdb', { timeoutMs: 30_000 }); try { … } finally { release(); }
 */
export async function acquireWriterLock(dbPath: string, opts: LockWaitOptions): Promise<() => void> {
  const lockPath = lockPathOf(dbPath);
  const me: LockHolder = { pid: process.pid, host: hostname(), started_at: new Date().toISOString(), command: opts.command ?? thisCommand() };
  const deadline = Date.now() + opts.timeoutMs;
  let delay = 50;
  let told = false;
  for (;;) {
    const holder = tryAcquireLock(lockPath, me);
    if (holder === null) return () => releaseLock(lockPath, me);
    const who = holder === 'unreadable' ? `an unreadable lock file ${lockPath}` : describeHolder(holder);
    if (opts.signal?.aborted) throw new CrmError('failure', `interrupted while waiting for the database lock held by ${who}`);
    if (Date.now() >= deadline) {
      throw inputError(
        `database ${dbPath} is locked by ${who}: another crm command is writing it. ` +
          `Waited ${opts.timeoutMs / 1000} s (set --lock-timeout SECONDS or CRM_LOCK_TIMEOUT to wait longer). ` +
          `If that process is not running any more, remove ${lockPath}.`,
      );
    }
    if (!told) {
      opts.onWait?.(`waiting up to ${opts.timeoutMs / 1000} s for the database: locked by ${who}`);
      told = true;
    }
    await sleep(Math.min(delay, Math.max(0, deadline - Date.now())), opts.signal);
    delay = Math.min(delay * 2, 500);
  }
}
