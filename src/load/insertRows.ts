import type { DuckDBConnection } from '@duckdb/node-api';
import type { PreparedFile } from './loadFile.js';
import { EXCLUDED_REASON, badRowsSql } from './parseRows.js';
import type { Staged } from './stage/types.js';

export interface InsertCounts {
  loaded: number;
  duplicates: number;
  excluded: number;
  quarantined: number;
  duplicateLinesKept: number;
  quarantineReasons: Record<string, number>;
}

/**
 * Move `parsed` rows to their tables. A usable row whose identity (content + occurrence in its
 * file) is already stored is a duplicate from an overlapping export; a repeated line within the
 * file is kept or dropped by the mapping's duplicate_lines policy, and counted either way.
 * Rows are not sorted on the way in (sorting cost half the insert); `source_line` keeps file order.
 */
export async function insertRows(conn: DuckDBConnection, p: PreparedFile, loadId: number): Promise<InsertCounts> {
  const { path: file, mapping: m, staged, t } = p;
  const parsed = `${t}_parsed`;
  const dropRepeats = m.duplicate_lines === 'drop' ? 'AND occurrence = 1' : '';
  const inserted = await conn.run(
    `INSERT INTO transactions BY NAME
     SELECT customer_id, order_id, order_date, amount, quantity, unit_price, product_id, product_name, category, channel,
       country, is_return, $file AS source_file, source_line, $load AS load_id, $source AS source, row_key
     FROM ${parsed} p
     WHERE reason IS NULL ${dropRepeats} ${await notStoredSql(conn, parsed)}`,
    { file, load: loadId, source: m.source ?? null },
  );
  await conn.run(`CREATE OR REPLACE TEMP TABLE bad_rows AS ${badRowsSql(m, staged.headers, t, parsed)}`);
  await conn.run(
    `INSERT INTO quarantine SELECT $load, $file, source_line, reason, detail, raw FROM bad_rows WHERE reason <> '${EXCLUDED_REASON}' ORDER BY source_line`,
    { file, load: loadId },
  );
  await conn.run(
    `INSERT INTO excluded SELECT $load, $file, source_line, reason || ': ' || detail, raw FROM bad_rows WHERE reason = '${EXCLUDED_REASON}' ORDER BY source_line`,
    { file, load: loadId },
  );
  await insertRejected(conn, file, loadId, staged.rejected);
  return countRows(conn, parsed, loadId, inserted.rowsChanged);
}

/**
 * The anti-join against rows already stored, limited to the stored rows dated within the new
 * file's range (row keys include the date, so nothing outside can match) — and skipped on an
 * empty table. Weekly loads then touch a week of history, not all of it.
 */
async function notStoredSql(conn: DuckDBConnection, parsed: string): Promise<string> {
  const r = await conn.runAndReadAll(
    `SELECT strftime(min(order_date), '%Y-%m-%d %H:%M:%S.%f'), strftime(max(order_date), '%Y-%m-%d %H:%M:%S.%f'),
       (SELECT count(*) FROM (SELECT 1 FROM transactions LIMIT 1)) FROM ${parsed} WHERE reason IS NULL`,
  );
  const [lo, hi, any] = r.getRows()[0]!;
  if (lo === null || Number(any) === 0) return '';
  return `AND p.row_key NOT IN (SELECT row_key FROM transactions WHERE order_date BETWEEN TIMESTAMP '${String(lo)}' AND TIMESTAMP '${String(hi)}')`;
}

async function insertRejected(conn: DuckDBConnection, file: string, loadId: number, rejected: Staged['rejected']): Promise<void> {
  if (rejected.length === 0) return;
  await conn.run('CREATE OR REPLACE TEMP TABLE rejected_rows (line BIGINT, error VARCHAR, text VARCHAR)');
  const appender = await conn.createAppender('rejected_rows');
  try {
    for (const r of rejected) {
      appender.appendBigInt(BigInt(r.line));
      appender.appendVarchar(r.error);
      appender.appendVarchar(r.text);
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  await conn.run(
    `INSERT INTO quarantine SELECT $load, $file, line,
       CASE WHEN error LIKE 'INVALID ENCODING%' OR error LIKE 'INVALID UNICODE%' THEN 'invalid text encoding' ELSE 'malformed record' END,
       error, to_json(text) FROM rejected_rows`,
    { file, load: loadId },
  );
}

async function countRows(conn: DuckDBConnection, parsed: string, loadId: number, loaded: number): Promise<InsertCounts> {
  const r = await conn.runAndReadAll(
    `SELECT count(*) FILTER (WHERE reason IS NULL) AS usable,
       count(*) FILTER (WHERE reason = '${EXCLUDED_REASON}') AS excluded,
       (SELECT count(*) FROM quarantine WHERE load_id = $load) AS quarantined,
       count(*) FILTER (WHERE reason IS NULL AND occurrence > 1) AS repeats
     FROM ${parsed}`,
    { load: loadId },
  );
  const [usable, excluded, quarantined, repeats] = r.getRows()[0]!.map(Number);
  const reasons = await conn.runAndReadAll(
    'SELECT reason, count(*) FROM quarantine WHERE load_id = $load GROUP BY reason ORDER BY reason',
    { load: loadId },
  );
  const kept = await conn.runAndReadAll(
    `SELECT count(*) FROM transactions WHERE load_id = $load AND row_key IN (SELECT row_key FROM ${parsed} WHERE reason IS NULL AND occurrence > 1)`,
    { load: loadId },
  );
  return {
    loaded, duplicates: usable! - loaded, excluded: excluded!, quarantined: quarantined!,
    duplicateLinesKept: repeats ? Number(kept.getRows()[0]![0]) : 0,
    quarantineReasons: Object.fromEntries(reasons.getRows().map(([k, n]) => [String(k), Number(n)])),
  };
}
