import type { DuckDBConnection } from '@duckdb/node-api';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { inputError } from '../util/error.js';
import { acquireWriterLock } from './lock/acquireWriterLock.js';
import { lockTimeoutMs } from './lock/lockTimeout.js';
import { migrate } from './migrate.js';
import { openInstance } from './openInstance.js';
import { publishSnapshot, readPathOf } from './snapshot.js';

/** Where the database lives: --db, else $CRM_DB, else data/crm.duckdb under the working directory. */
export function resolveDbPath(flag?: string): string {
  return resolve(process.cwd(), flag ?? process.env['CRM_DB'] ?? 'data/crm.duckdb');
}

export interface OpenOptions {
  /** Open read-only: any statement that writes fails inside DuckDB itself. */
  readOnly?: boolean;
  /**
   * How long to wait for a busy database: the writer lock held by another writer, or the file held
   * open by another process. Default: $CRM_LOCK_TIMEOUT seconds, else 30 s.
   */
  lockTimeoutMs?: number;
  /** stop waiting for a busy database (e.g. on SIGTERM) */
  signal?: AbortSignal;
  /** told once when the database is busy and waiting starts */
  onWait?: (message: string) => void;
}

/**
 * Open the database, run `fn` with a connection, and close it again: the file is never held open
 * between commands, so the scheduler and ad-hoc queries can share it. A writable open takes the
 * writer lock (`<db>.lock`) first, so two writers never overlap, then creates the file and brings
 * its schema up to date. A busy database is waited for up to the lock timeout.
 *
 * @example
 *   const n = await withDatabase('data/crm.duckdb', {}, async (c) => (await c.runAndReadAll('select 1')).getRows());
 */
export async function withDatabase<T>(
  path: string,
  options: OpenOptions,
  fn: (conn: DuckDBConnection) => Promise<T>,
): Promise<T> {
  if (options.readOnly && !existsSync(path)) {
    throw inputError(`no database at ${path}: load data first (crm load FILE, or npm start for the sample)`);
  }
  const timeoutMs = options.lockTimeoutMs ?? lockTimeoutMs();
  const wait = { deadline: Date.now() + timeoutMs, timeoutMs, signal: options.signal, onWait: options.onWait };
  const inMemory = path === ':memory:';
  if (!options.readOnly && !inMemory) mkdirSync(dirname(path), { recursive: true });
  const release = options.readOnly || inMemory ? () => {} : await acquireWriterLock(path, { timeoutMs, signal: options.signal, onWait: options.onWait });
  const publish = !options.readOnly && !inMemory;
  let done = false;
  try {
    // a read-only open reads the readers' snapshot when there is one, so it never waits for a writer
    const instance = await openInstance(options.readOnly ? readPathOf(path) : path, Boolean(options.readOnly), wait);
    try {
      const conn = await instance.connect();
      try {
        // DuckDB takes the session's TimeZone from the machine; every stored timestamp is UTC, so
        // casts between TIMESTAMP and TIMESTAMPTZ must not depend on where the process runs
        await conn.run(`SET TimeZone = 'UTC'`);
        if (!options.readOnly) await migrate(conn);
        const result = await fn(conn);
        done = true;
        return result;
      } finally {
        // the snapshot is copied from the file alone: fold the write-ahead log into it first
        if (publish) await conn.run('CHECKPOINT').catch(() => undefined);
        conn.closeSync();
      }
    } finally {
      instance.closeSync();
      // whatever fn did is committed or rolled back by now: the file is consistent, publish it
      // (a failure to publish is the command's error only when nothing else went wrong)
      if (publish) {
        try {
          publishSnapshot(path);
        } catch (err) {
          if (done) throw err;
        }
      }
    }
  } finally {
    release();
  }
}

/** Run `fn` inside a transaction: all of its writes land, or none do. */
export async function inTransaction<T>(conn: DuckDBConnection, fn: () => Promise<T>): Promise<T> {
  await conn.run('BEGIN TRANSACTION');
  try {
    const result = await fn();
    await conn.run('COMMIT');
    return result;
  } catch (err) {
    await conn.run('ROLLBACK');
    throw err;
  }
}
