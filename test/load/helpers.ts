import type { DuckDBConnection } from '@duckdb/node-api';
import { expect } from 'vitest';
import { loadFiles } from '../../src/load/loadFiles.js';
import { EMPTY_MAPPING, readMapping } from '../../src/load/mapping.js';
import type { LoadSummary } from '../../src/load/types.js';
import { rows } from '../helpers/db.js';

export const F = (name: string): string => `fixtures/loader/${name}`;

/** Load fixture files and assert the accounting identity per file and in total. */
export async function load(conn: DuckDBConnection, files: string[], mapping?: string): Promise<LoadSummary> {
  const s = await loadFiles(conn, files, {
    mapping: mapping ? readMapping(mapping) : EMPTY_MAPPING,
    mappingSource: mapping ?? 'detected',
  });
  for (const f of s.files) expect(f.loaded + f.duplicates + f.excluded + f.quarantined, f.path).toBe(f.rowsRead);
  expect(s.loaded + s.duplicates + s.excluded + s.quarantined).toBe(s.rows_read);
  return s;
}

/** Stored transactions in file order, with the date as text. */
export const stored = (conn: DuckDBConnection, cols = 'customer_id, order_id, amount'): Promise<Record<string, unknown>[]> =>
  rows(conn, `SELECT ${cols}, strftime(order_date, '%Y-%m-%d %H:%M:%S') AS d FROM transactions ORDER BY load_id, source_line`);
