import type { DuckDBConnection } from '@duckdb/node-api';
import { inTransaction } from '../store/database.js';
import { expandInputs } from './expandInputs.js';
import { loadFile, type LoadFileOptions } from './loadFile.js';
import type { LoadSummary, FileLoadResult } from './types.js';

/**
 * Load files (paths or globs) in one transaction: either every file lands with its loads row,
 * or, on any error, nothing is written.
 *
 * @example await loadFiles(conn, ['exports/*.csv'], { mapping, mappingSource: 'mapping.json' })
 */
export async function loadFiles(conn: DuckDBConnection, inputs: string[], opts: LoadFileOptions): Promise<LoadSummary> {
  const paths = await expandInputs(conn, inputs);
  const files = await inTransaction(conn, () => loadEach(conn, paths, opts));
  return summarize(files);
}

/**
 * Everything a load would do, rolled back at the end: the counts, the mapping and formats it
 * would use, and the first parsed rows of each file. Nothing is written.
 */
export async function dryRunLoad(conn: DuckDBConnection, inputs: string[], opts: LoadFileOptions): Promise<LoadSummary> {
  const paths = await expandInputs(conn, inputs);
  await conn.run('BEGIN TRANSACTION');
  try {
    return { ...summarize(await loadEach(conn, paths, { ...opts, preview: opts.preview ?? 5 })), dry_run: true };
  } finally {
    await conn.run('ROLLBACK');
  }
}

async function loadEach(conn: DuckDBConnection, paths: string[], opts: LoadFileOptions): Promise<FileLoadResult[]> {
  const results: FileLoadResult[] = [];
  for (const path of paths) results.push(await loadFile(conn, path, opts));
  return results;
}

/** Add up per-file results. */
export function summarize(files: FileLoadResult[]): LoadSummary {
  const s: LoadSummary = { rows_read: 0, loaded: 0, duplicates: 0, excluded: 0, quarantined: 0, quarantine_reasons: {}, duplicate_lines_kept: 0, files };
  for (const f of files) {
    s.rows_read += f.rowsRead;
    s.loaded += f.loaded;
    s.duplicates += f.duplicates;
    s.excluded += f.excluded;
    s.quarantined += f.quarantined;
    s.duplicate_lines_kept += f.duplicateLinesKept;
    for (const [reason, n] of Object.entries(f.quarantineReasons)) {
      s.quarantine_reasons[reason] = (s.quarantine_reasons[reason] ?? 0) + n;
    }
  }
  return s;
}
