import { DuckDBInstance } from '@duckdb/node-api';
import { inputError } from '../util/error.js';
import { sleep } from '../util/sleep.js';
import { describeHolder } from './lock/describeHolder.js';
import { lockPathOf } from './lock/lockPath.js';
import { readLockHolder } from './lock/readLockHolder.js';

export interface BusyWait {
  /** epoch ms after which a busy database is an error */
  deadline: number;
  timeoutMs: number;
  signal?: AbortSignal;
  onWait?: (message: string) => void;
}

/** DuckDB refuses a second process's open while one holds the file (a writer, or readers vs a writer). */
export const isLockConflict = (err: unknown): boolean =>
  /Could not set lock on file|Conflicting lock is held/i.test((err as Error)?.message ?? '');

/**
 * Open a DuckDB file, retrying with backoff while another process has it open in a conflicting
 * mode, until the deadline; then an input error (exit 3) naming the holder.
 */
export async function openInstance(path: string, readOnly: boolean, wait: BusyWait): Promise<DuckDBInstance> {
  let delay = 50;
  let told = false;
  for (;;) {
    try {
      return await DuckDBInstance.create(path, { access_mode: readOnly ? 'READ_ONLY' : 'READ_WRITE', ...memoryOptions() });
    } catch (err) {
      if (!isLockConflict(err)) throw err;
      const who = busyHolder(path, err as Error);
      if (Date.now() >= wait.deadline || wait.signal?.aborted) {
        throw inputError(
          `database ${path} is busy: ${who} has it open${readOnly ? ' (a run is writing it)' : ''}. ` +
            `Waited ${wait.timeoutMs / 1000} s (set --lock-timeout SECONDS or CRM_LOCK_TIMEOUT to wait longer).`,
          err,
        );
      }
      if (!told) {
        wait.onWait?.(`waiting up to ${wait.timeoutMs / 1000} s for the database: ${who} has it open`);
        told = true;
      }
      await sleep(Math.min(delay, Math.max(0, wait.deadline - Date.now())), wait.signal);
      delay = Math.min(delay * 2, 500);
    }
  }
}

/** Name whoever holds the file: the writer lock's holder if it is another process, else DuckDB's own report. */
function busyHolder(path: string, err: Error): string {
  const holder = readLockHolder(lockPathOf(path));
  if (holder && holder !== 'unreadable' && holder.pid !== process.pid) return describeHolder(holder);
  const m = /held in (.*?) \(PID (\d+)\)/.exec(err.message);
  return m ? `pid ${m[2]} (${m[1]})` : 'another process';
}

/**
 * DuckDB's own default takes 80% of the machine's memory for its buffers. A scheduled job shares
 * the machine, so cap it (CRM_MEMORY_LIMIT, e.g. "4GB"; default 1GB — at a million customers 2GB was no faster
 * (30.1 s vs 31.0 s, within noise) but peaked at 2.3 GB instead of 1.4 GB): larger work spills to the
 * database's .tmp folder instead of growing the process. CRM_THREADS caps the threads likewise.
 */
export function memoryOptions(): Record<string, string> {
  const opts: Record<string, string> = {
    memory_limit: process.env['CRM_MEMORY_LIMIT'] ?? '1GB',
    // Data teams open this file with their own DuckDB (CLI, Python, R, DBeaver, BI tools), which
    // often lag a release: 'latest' (storage version 68) cannot be read by DuckDB 1.4. The 1.4
    // format writes as fast as 'latest' (README "Opening the database elsewhere") and ~25% faster
    // than DuckDB's own default, the v0.10.2 format. Applies to files this process creates; an
    // existing file keeps the format it was created with.
    storage_compatibility_version: storageVersion(),
  };
  if (process.env['CRM_THREADS']) opts['threads'] = process.env['CRM_THREADS'];
  return opts;
}

/**
 * The storage format of databases this process creates: `v1.4.0` (readable by DuckDB 1.4 and
 * newer) unless CRM_STORAGE_VERSION names another (e.g. `latest`, used by the bench to measure
 * the difference).
 *
 * @example storageVersion() // 'v1.4.0'
 */
export const storageVersion = (): string => process.env['CRM_STORAGE_VERSION'] ?? READER_STORAGE_VERSION;

/** The oldest DuckDB release line that can open the product's database file. */
export const READER_STORAGE_VERSION = 'v1.4.0';
