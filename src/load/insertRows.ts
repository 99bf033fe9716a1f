import type { DuckDBConnection } from '@duckdb/node-api';
import type { ParseStats, PreparedFile } from './loadFile.js';
import { sameIdentitySql } from './parseRows.js';
import { EXCLUDED_PREFIX, isExcludedSql } from './checks.js';
import { insertRefunds } from './refunds.js';
import type { Staged } from './stage/types.js';

export interface InsertCounts {
  loaded: number;
  duplicates: number;
  excluded: number;
  quarantined: number;
  duplicateLinesKept: number;
  quarantineReasons: Record<string, number>;
  /** excluded rows per reason, without the "excluded " prefix: { 'status voided': 3 } */
  excludedReasons: Record<string, number>;
  /** refund entries written, and their total (see insertRefunds) */
  refunds: number;
  refundedAmount: number;
}

/**
 * Move a prepared file's rows to their tables. A usable row whose identity (content + occurrence
 * in its file) is already stored is a duplicate from an overlapping export; a repeated line within
 * the file is kept or dropped by the mapping's duplicate_lines policy, and counted either way.
 * Rows are not sorted on the way in (sorting cost half the insert); `source_line` keeps file order.
 */
export async function insertRows(conn: DuckDBConnection, p: PreparedFile, loadId: number): Promise<InsertCounts> {
  const { path: file, mapping: m, staged, stats } = p;
  const dropRepeats = m.duplicate_lines === 'drop' ? 'AND occurrence = 1' : '';
  const inserted = await conn.run(
    `INSERT INTO transactions BY NAME
     SELECT customer_id, order_id, order_date, amount, quantity, unit_price, product_id, product_name, category, channel,
       country, currency, is_return, $file AS source_file, source_line, $load AS load_id, $source AS source, occurrence
     FROM ${withOccurrence(p)} p
     WHERE reason IS NULL ${dropRepeats} ${await notStoredSql(conn, stats)}`,
    { file, load: loadId, source: m.source ?? null },
  );
  const usable = stats.reasons[''] ?? 0;
  const bad = Object.values(stats.reasons).reduce((a, b) => a + b, 0) - usable;
  if (bad > 0) await insertBadRows(conn, p, loadId);
  await insertRejected(conn, file, loadId, staged.rejected);
  const refunds = await insertRefunds(conn, p, loadId);
  return { ...(await countRows(conn, stats, loadId, m.duplicate_lines === 'drop', inserted.rowsChanged)), ...refunds };
}

/** The parsed rows with their occurrence: 1 unless the file's repeats table says otherwise. */
export function withOccurrence(p: PreparedFile): string {
  if (p.stats.repeats === 0) return `(SELECT *, 1 AS occurrence FROM ${p.t}_parsed)`;
  return `(SELECT q.*, coalesce(r.occurrence, 1) AS occurrence FROM ${p.t}_parsed q LEFT JOIN ${p.t}_repeats r USING (source_line))`;
}

/**
 * The anti-join against rows already stored, limited to the stored rows dated within the new
 * file's range (identity includes the date, so nothing outside can match) — and skipped on an
 * empty table. Weekly loads then touch a week of history, not all of it.
 */
async function notStoredSql(conn: DuckDBConnection, stats: ParseStats): Promise<string> {
  if (stats.lo === null || stats.hi === null) return '';
  const r = await conn.runAndReadAll('SELECT count(*) FROM (SELECT 1 FROM transactions LIMIT 1)');
  if (Number(r.getRows()[0]![0]) === 0) return '';
  return `AND NOT EXISTS (SELECT 1 FROM transactions s
    WHERE s.order_date BETWEEN TIMESTAMP '${stats.lo}' AND TIMESTAMP '${stats.hi}' AND ${sameIdentitySql('s', 'p')})`;
}

/** Excluded and quarantined rows, each with its detail message and raw fields. */
async function insertBadRows(conn: DuckDBConnection, p: PreparedFile, loadId: number): Promise<void> {
  const { path: file, t } = p;
  await conn.run(
    `INSERT INTO quarantine SELECT $load, $file, source_line, reason, detail, raw FROM ${t}_parsed
     WHERE reason IS NOT NULL AND NOT ${isExcludedSql('reason')} ORDER BY source_line`,
    { file, load: loadId },
  );
  await conn.run(
    `INSERT INTO excluded SELECT $load, $file, source_line, reason || ': ' || detail, raw FROM ${t}_parsed
     WHERE ${isExcludedSql('reason')} ORDER BY source_line`,
    { file, load: loadId },
  );
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

/** The excluded rows per reason, named without the common prefix. */
export function excludedReasons(stats: ParseStats): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [reason, n] of Object.entries(stats.reasons)) if (reason.startsWith(EXCLUDED_PREFIX)) out[reason.slice(EXCLUDED_PREFIX.length)] = n;
  return out;
}

async function countRows(conn: DuckDBConnection, stats: ParseStats, loadId: number, dropRepeats: boolean, loaded: number): Promise<Omit<InsertCounts, 'refunds' | 'refundedAmount'>> {
  const reasons = await conn.runAndReadAll(
    'SELECT reason, count(*) FROM quarantine WHERE load_id = $load GROUP BY reason ORDER BY reason',
    { load: loadId },
  );
  const quarantineReasons = Object.fromEntries(reasons.getRows().map(([k, n]) => [String(k), Number(n)]));
  const kept = stats.repeats > 0 && !dropRepeats
    ? await conn.runAndReadAll('SELECT count(*) FROM transactions WHERE load_id = $load AND occurrence > 1', { load: loadId })
    : null;
  const excluded = excludedReasons(stats);
  return {
    loaded, duplicates: (stats.reasons[''] ?? 0) - loaded, excluded: Object.values(excluded).reduce((a, b) => a + b, 0), excludedReasons: excluded,
    quarantined: Object.values(quarantineReasons).reduce((a, b) => a + b, 0),
    duplicateLinesKept: kept ? Number(kept.getRows()[0]![0]) : 0,
    quarantineReasons,
  };
}
