import type { DuckDBConnection } from '@duckdb/node-api';
import type { ResolvedMapping } from './parseRows.js';
import type { Staged } from './stage/types.js';

export interface InsertCounts {
  loaded: number;
  duplicates: number;
  excluded: number;
  quarantined: number;
  duplicateLinesKept: number;
  quarantineReasons: Record<string, number>;
}

const KEY_FIELDS = 'customer_id, order_id, order_date, product_id, quantity, amount';

/**
 * Move `parsed` rows to their tables. A usable row whose identity (content + occurrence in its
 * file) is already stored is a duplicate from an overlapping export; a repeated line within the
 * file is kept or dropped by the mapping's duplicate_lines policy, and counted either way.
 */
export async function insertRows(conn: DuckDBConnection, file: string, loadId: number, m: ResolvedMapping, staged: Staged): Promise<InsertCounts> {
  const p = { file, load: loadId, source: m.source ?? null };
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE keyed AS
     SELECT *, crm_row_key(${KEY_FIELDS}, occurrence) AS row_key FROM (
       SELECT *, row_number() OVER (PARTITION BY ${KEY_FIELDS} ORDER BY source_line) AS occurrence
       FROM parsed WHERE status = 'ok');
     CREATE OR REPLACE TEMP TABLE keyed_new AS
     SELECT * FROM keyed k
     WHERE ${m.duplicate_lines === 'drop' ? 'occurrence = 1 AND ' : ''}NOT EXISTS (SELECT 1 FROM transactions t WHERE t.row_key = k.row_key)`,
  );
  await conn.run(
    `INSERT INTO transactions BY NAME
     SELECT customer_id, order_id, order_date, amount, quantity, unit_price, product_id, product_name, category, channel,
       country, is_return, $file AS source_file, source_line, $load AS load_id, $source AS source, row_key
     FROM keyed_new ORDER BY source_line`,
    p,
  );
  await conn.run(
    `INSERT INTO quarantine SELECT $load, $file, source_line, reason, detail, raw FROM parsed WHERE status = 'quarantined'`,
    { file, load: loadId },
  );
  await conn.run(
    `INSERT INTO excluded SELECT $load, $file, source_line, reason || ': ' || detail, raw FROM parsed WHERE status = 'excluded'`,
    { file, load: loadId },
  );
  await insertRejected(conn, file, loadId, staged.rejected);
  return countRows(conn, loadId);
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

async function countRows(conn: DuckDBConnection, loadId: number): Promise<InsertCounts> {
  const r = await conn.runAndReadAll(
    `SELECT (SELECT count(*) FROM keyed_new) AS loaded,
       (SELECT count(*) FROM keyed) - (SELECT count(*) FROM keyed_new) AS duplicates,
       (SELECT count(*) FROM parsed WHERE status = 'excluded') AS excluded,
       (SELECT count(*) FROM quarantine WHERE load_id = $load) AS quarantined,
       (SELECT count(*) FROM keyed_new WHERE occurrence > 1) AS kept`,
    { load: loadId },
  );
  const [loaded, duplicates, excluded, quarantined, kept] = r.getRows()[0]!.map(Number);
  const reasons = await conn.runAndReadAll(
    'SELECT reason, count(*) FROM quarantine WHERE load_id = $load GROUP BY reason ORDER BY reason',
    { load: loadId },
  );
  return {
    loaded: loaded!, duplicates: duplicates!, excluded: excluded!, quarantined: quarantined!, duplicateLinesKept: kept!,
    quarantineReasons: Object.fromEntries(reasons.getRows().map(([k, n]) => [String(k), Number(n)])),
  };
}
