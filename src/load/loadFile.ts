import type { DuckDBConnection } from '@duckdb/node-api';
import type { Mapping } from './mapping.js';
import type { FileLoadResult } from './types.js';
import { checkColumns } from './checkColumns.js';
import { fileChecksum } from './checksum.js';
import { parseRowsSql } from './parseRows.js';
import { stageCsv, csvHeaders } from './stageCsv.js';

export interface LoadFileOptions {
  mapping: Mapping;
  /** Where the mapping came from, for messages. */
  mappingSource: string;
}

/**
 * Load one CSV file inside the caller's transaction. A file whose checksum was loaded before is
 * counted as duplicates and not loaded again.
 */
export async function loadFile(conn: DuckDBConnection, path: string, opts: LoadFileOptions): Promise<FileLoadResult> {
  const delimiter = opts.mapping.delimiter ?? ',';
  checkColumns(opts.mapping, await csvHeaders(conn, path, delimiter), path, opts.mappingSource);
  const checksum = await fileChecksum(path);
  const loadId = await nextLoadId(conn);
  const previous = await previousLoad(conn, checksum);
  const staged = await stageCsv(conn, path, delimiter);
  const rowsRead = staged.accepted + staged.rejected.length;
  const result: FileLoadResult =
    previous === null
      ? await insertRows(conn, path, loadId, opts.mapping, staged)
      : { ...emptyResult(path, loadId, 'already loaded'), duplicates: rowsRead };
  result.rowsRead = rowsRead;
  await recordLoad(conn, path, checksum, opts.mapping, result);
  return result;
}

async function insertRows(
  conn: DuckDBConnection,
  path: string,
  loadId: number,
  mapping: Mapping,
  staged: Awaited<ReturnType<typeof stageCsv>>,
): Promise<FileLoadResult> {
  const source = { file: path, load: loadId };
  await conn.run(`CREATE OR REPLACE TEMP TABLE parsed AS ${parseRowsSql(mapping, staged.headers)}`);
  await conn.run(
    `INSERT INTO transactions
     SELECT customer_id_text, coalesce(order_id_text, customer_id_text || '@' || strftime(order_date, '%Y-%m-%dT%H:%M:%S')),
       order_date, amount, quantity, unit_price, product_id, product_name, category, channel, country,
       amount < 0, $file, source_line, $load
     FROM parsed WHERE reason IS NULL ORDER BY source_line`,
    source,
  );
  await conn.run(
    `INSERT INTO quarantine SELECT $load, $file, source_line, reason, detail, raw FROM parsed WHERE reason IS NOT NULL`,
    source,
  );
  for (const r of staged.rejected) {
    await conn.run(`INSERT INTO quarantine VALUES ($load, $file, $line, 'malformed CSV record', $detail, to_json($text))`, {
      ...source,
      line: r.line,
      detail: r.error,
      text: r.text,
    });
  }
  const reasons = await quarantineReasons(conn, loadId);
  const quarantined = Object.values(reasons).reduce((a, b) => a + b, 0);
  return { ...emptyResult(path, loadId, 'loaded'), loaded: staged.accepted + staged.rejected.length - quarantined, quarantined, quarantineReasons: reasons };
}

async function quarantineReasons(conn: DuckDBConnection, loadId: number): Promise<Record<string, number>> {
  const r = await conn.runAndReadAll(
    'SELECT reason, count(*) AS n FROM quarantine WHERE load_id = $load GROUP BY reason ORDER BY reason',
    { load: loadId },
  );
  return Object.fromEntries(r.getRows().map(([reason, n]) => [String(reason), Number(n)]));
}

async function nextLoadId(conn: DuckDBConnection): Promise<number> {
  const r = await conn.runAndReadAll(`SELECT nextval('load_id_seq')`);
  return Number(r.getRows()[0]![0]);
}

async function previousLoad(conn: DuckDBConnection, checksum: string): Promise<number | null> {
  const r = await conn.runAndReadAll(`SELECT min(load_id) FROM loads WHERE checksum = $c AND status = 'loaded'`, { c: checksum });
  const v = r.getRows()[0]![0];
  return v === null ? null : Number(v);
}

async function recordLoad(conn: DuckDBConnection, path: string, checksum: string, mapping: Mapping, r: FileLoadResult): Promise<void> {
  await conn.run(
    `INSERT INTO loads (load_id, path, checksum, format, mapping, rows_read, rows_loaded, rows_duplicate, rows_excluded, rows_quarantined, status)
     VALUES ($id, $path, $checksum, 'csv', $mapping, $read, $loaded, $dup, $excl, $quar, $status)`,
    {
      id: r.loadId, path, checksum, mapping: JSON.stringify(mapping), read: r.rowsRead, loaded: r.loaded,
      dup: r.duplicates, excl: r.excluded, quar: r.quarantined, status: r.status,
    },
  );
}

const emptyResult = (path: string, loadId: number, status: FileLoadResult['status']): FileLoadResult => ({
  path, loadId, status, rowsRead: 0, loaded: 0, duplicates: 0, excluded: 0, quarantined: 0, quarantineReasons: {},
});

