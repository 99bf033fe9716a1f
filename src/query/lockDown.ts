import type { DuckDBConnection } from '@duckdb/node-api';

/** The flag that lets `crm query` reach files (COPY TO, read_csv of a path, ATTACH, INSTALL). */
export const ALLOW_FILES_FLAG = '--allow-files';

/**
 * Take file-system access away from a connection that runs people's SQL, and lock the settings so
 * the statement cannot give it back: `crm query` answers questions about the database and must
 * not become a way to read /etc/passwd or write files beside it. Built-in functions and the
 * database's own spilling keep working.
 *
 * @example await lockDown(conn); await conn.run("copy (select 1) to 'x.csv'") // Permission Error
 */
export async function lockDown(conn: DuckDBConnection): Promise<void> {
  await conn.run('SET enable_external_access = false');
  await conn.run('SET lock_configuration = true');
}

/** DuckDB's words when a statement touched the file system or a locked setting. */
export const isLockedDownRefusal = (message: string): boolean =>
  /file system operations are disabled by configuration|the configuration has been locked/i.test(message);
