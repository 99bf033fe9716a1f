import type { DuckDBConnection } from '@duckdb/node-api';
import { migrations, type Migration } from './migrations/index.js';

/** Highest schema version this build knows. */
export const SCHEMA_VERSION = Math.max(...migrations.map((m) => m.version));

/** The schema version of an open database (0 when empty). */
export async function schemaVersion(conn: DuckDBConnection): Promise<number> {
  const exists = await conn.runAndReadAll(
    `SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'schema_version' AND database_name = current_database()`,
  );
  if (Number(exists.getRows()[0]![0]) === 0) return 0;
  const r = await conn.runAndReadAll('SELECT coalesce(max(version), 0) FROM schema_version');
  return Number(r.getRows()[0]![0]);
}

/** Versions recorded in schema_version. */
async function appliedVersions(conn: DuckDBConnection): Promise<Set<number>> {
  const r = await conn.runAndReadAll('SELECT version FROM schema_version');
  return new Set(r.getRows().map((row) => Number(row[0])));
}

/**
 * Bring the database schema up to date. Each migration runs in its own transaction together with
 * its schema_version row, so a crash leaves the database at a known version. Every migration not
 * yet recorded is applied in version order — not only those above the highest applied — so a
 * migration merged later with a lower number still reaches databases made in between.
 */
export async function migrate(conn: DuckDBConnection, all: readonly Migration[] = migrations): Promise<number> {
  let current = await schemaVersion(conn);
  if (current > SCHEMA_VERSION) {
    throw new Error(
      `database schema version ${current} is newer than this build supports (${SCHEMA_VERSION}); upgrade the tool`,
    );
  }
  if (current === 0) {
    await conn.run(
      'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP DEFAULT current_timestamp)',
    );
  }
  const applied = await appliedVersions(conn);
  for (const m of all.filter((m) => !applied.has(m.version)).sort((a, b) => a.version - b.version)) {
    await conn.run('BEGIN TRANSACTION');
    try {
      await conn.run(m.sql);
      await conn.run('INSERT INTO schema_version (version, name) VALUES ($v, $n)', { v: m.version, n: m.name });
      await conn.run('COMMIT');
    } catch (err) {
      // a failed COMMIT has already ended the transaction; its error is the one to report
      await conn.run('ROLLBACK').catch(() => undefined);
      throw new Error(`schema migration ${m.version} (${m.name}) failed: ${(err as Error).message}`, { cause: err });
    }
    current = Math.max(current, m.version);
  }
  return current;
}
