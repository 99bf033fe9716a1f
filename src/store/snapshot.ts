import { constants, copyFileSync, existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Where readers find the database: `data/crm.duckdb` → `data/crm.read.duckdb`. DuckDB lets one
 * process write a file or many read it, never both, so readers (`crm query`, a DuckDB shell, a BI
 * tool) open this copy instead, and a run never waits for them nor they for it.
 *
 * @example snapshotPathOf('data/crm.duckdb') // 'data/crm.read.duckdb'
 */
export const snapshotPathOf = (db: string): string => (db.endsWith('.duckdb') ? db.slice(0, -'.duckdb'.length) : db) + '.read.duckdb';

/**
 * Publish the database as the readers' snapshot: copied beside it, then renamed into place, so a
 * reader opens either the previous snapshot or this one, never a half-written file. Called by the
 * writer after it checkpointed and closed the file, still holding the writer lock, so what is
 * copied is exactly what was committed. A reader that keeps the old snapshot open keeps reading
 * it (the rename gives the name to a new file; the old one lives until its last reader closes).
 * A reflink copy where the file system has one, else a plain copy.
 *
 * @example publishSnapshot('data/crm.duckdb') // writes data/crm.read.duckdb
 */
export function publishSnapshot(db: string): string {
  const target = snapshotPathOf(db);
  const tmp = `${target}.tmp-${process.pid}`;
  removeStaleCopies(target);
  try {
    copyFileSync(db, tmp, constants.COPYFILE_FICLONE);
    renameSync(tmp, target);
  } finally {
    if (existsSync(tmp)) rmSync(tmp, { force: true });
  }
  return target;
}

/**
 * The file a read-only command opens: the readers' snapshot when one has been published, else the
 * database itself (one made before snapshots, until its next write publishes one).
 */
export const readPathOf = (db: string): string => (existsSync(snapshotPathOf(db)) ? snapshotPathOf(db) : db);

/** Half-made copies of a writer that was killed while publishing (only a writer publishes, under the lock). */
function removeStaleCopies(target: string): void {
  const prefix = `${basename(target)}.tmp-`;
  for (const f of readdirSync(dirname(target))) if (f.startsWith(prefix)) rmSync(join(dirname(target), f), { force: true });
}
