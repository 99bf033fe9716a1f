import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { inputError } from '../util/error.js';
import { migrate } from './migrate.js';

/** Where the database lives: --db, else $CRM_DB, else data/crm.duckdb under the working directory. */
export function resolveDbPath(flag?: string): string {
  return resolve(process.cwd(), flag ?? process.env['CRM_DB'] ?? 'data/crm.duckdb');
}

export interface OpenOptions {
  /** Open read-only: any statement that writes fails inside DuckDB itself. */
  readOnly?: boolean;
}

/**
 * Open the database, run `fn` with a connection, and close it again: the file is never held open
 * between commands, so the scheduler and ad-hoc queries can share it. A writable open creates the
 * file and brings its schema up to date first.
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
  if (!options.readOnly) mkdirSync(dirname(path), { recursive: true });
  const instance = await DuckDBInstance.create(path, {
    access_mode: options.readOnly ? 'READ_ONLY' : 'READ_WRITE',
  });
  try {
    const conn = await instance.connect();
    try {
      if (!options.readOnly) await migrate(conn);
      return await fn(conn);
    } finally {
      conn.closeSync();
    }
  } finally {
    instance.closeSync();
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
