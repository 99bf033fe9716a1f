import type { DuckDBConnection } from '@duckdb/node-api';
import type { Mapping } from './mapping.js';
import type { FileLoadResult } from './types.js';
import { fileChecksum } from './checksum.js';
import { insertRows, type InsertCounts } from './insertRows.js';
import { parseRowsSql } from './parseRows.js';
import { resolveMapping } from './resolveMapping.js';
import { stageFile } from './stage/stageFile.js';

export interface LoadFileOptions {
  mapping: Mapping;
  /** Where the mapping came from, for messages. */
  mappingSource: string;
  /** keep the first parsed rows of each file in the result (for --dry-run) */
  preview?: number;
}

/**
 * Load one file inside the caller's transaction. A file whose checksum was loaded before is
 * counted as duplicates and not loaded again. The accounting identity is checked before the
 * load is recorded: rows_read = loaded + duplicates + excluded + quarantined.
 */
export async function loadFile(conn: DuckDBConnection, path: string, opts: LoadFileOptions): Promise<FileLoadResult> {
  const checksum = await fileChecksum(path);
  const staged = await stageFile(conn, path, opts.mapping);
  const mapping = await resolveMapping(conn, opts.mapping, staged.headers, path, opts.mappingSource);
  const loadId = await nextLoadId(conn);
  const rowsRead = staged.accepted + staged.rejected.length;
  const already = await alreadyLoaded(conn, checksum);
  let counts: InsertCounts;
  if (already) {
    counts = { loaded: 0, duplicates: rowsRead, excluded: 0, quarantined: 0, duplicateLinesKept: 0, quarantineReasons: {} };
  } else {
    await conn.run(`CREATE OR REPLACE TEMP TABLE parsed AS ${parseRowsSql(mapping)}`);
    counts = await insertRows(conn, path, loadId, mapping, staged);
  }
  const preview = opts.preview && !already ? await previewRows(conn, opts.preview) : undefined;
  const detected = { ...staged.detected, date_format: mapping.date_format };
  const result: FileLoadResult = {
    path, loadId, status: already ? 'already loaded' : 'loaded', rowsRead, ...counts, mapping, detected, ...(preview ? { preview } : {}),
  };
  checkAccounting(result);
  await recordLoad(conn, checksum, result);
  return result;
}

/** Every row read is accounted for exactly once; anything else is a bug, and the load rolls back. */
export function checkAccounting(r: FileLoadResult): void {
  const sum = r.loaded + r.duplicates + r.excluded + r.quarantined;
  if (sum !== r.rowsRead) {
    throw new Error(`${r.path}: row accounting does not add up: read ${r.rowsRead} ≠ loaded ${r.loaded} + duplicates ${r.duplicates} + excluded ${r.excluded} + quarantined ${r.quarantined}`);
  }
}

async function previewRows(conn: DuckDBConnection, n: number): Promise<Record<string, unknown>[]> {
  const r = await conn.runAndReadAll(
    `SELECT source_line, customer_id, order_id, strftime(order_date, '%Y-%m-%d %H:%M:%S') AS order_date, amount, is_return, reason
     FROM parsed ORDER BY source_line LIMIT ${n}`,
  );
  return r.getRowObjectsJson() as Record<string, unknown>[];
}

async function nextLoadId(conn: DuckDBConnection): Promise<number> {
  const r = await conn.runAndReadAll(`SELECT nextval('load_id_seq')`);
  return Number(r.getRows()[0]![0]);
}

async function alreadyLoaded(conn: DuckDBConnection, checksum: string): Promise<boolean> {
  const r = await conn.runAndReadAll(`SELECT count(*) FROM loads WHERE checksum = $c AND status = 'loaded'`, { c: checksum });
  return Number(r.getRows()[0]![0]) > 0;
}

async function recordLoad(conn: DuckDBConnection, checksum: string, r: FileLoadResult): Promise<void> {
  await conn.run(
    `INSERT INTO loads (load_id, path, checksum, format, mapping, rows_read, rows_loaded, rows_duplicate, rows_excluded,
       rows_quarantined, status, detected, duplicate_lines_kept)
     VALUES ($id, $path, $checksum, $format, $mapping, $read, $loaded, $dup, $excl, $quar, $status, $detected, $kept)`,
    {
      id: r.loadId, path: r.path, checksum, format: String(r.detected['format']), mapping: JSON.stringify(r.mapping),
      read: r.rowsRead, loaded: r.loaded, dup: r.duplicates, excl: r.excluded, quar: r.quarantined, status: r.status,
      detected: JSON.stringify(r.detected), kept: r.duplicateLinesKept,
    },
  );
}
