import type { DuckDBConnection } from '@duckdb/node-api';
import { withOccurrence } from './insertRows.js';
import type { PreparedFile } from './loadFile.js';
import { sameIdentitySql } from './parseRows.js';

/**
 * Rows stored with no currency (loaded before migration 012, or with none declared) take the
 * currency of a file that holds the same rows (same identity, as duplicates are found) and says
 * its currency. So loading the same exports again with `"currency"` in the mapping — or a
 * pipeline run after its `currency` is set, which re-reads its files — gives the history its
 * currency instead of leaving it out of every run as "not known". Returns the rows given one.
 *
 * @example await claimCurrency(conn, prepared) // 1234: rows stored earlier without a currency now have GBP
 */
export async function claimCurrency(conn: DuckDBConnection, p: PreparedFile): Promise<number> {
  const { mapping: m, stats } = p;
  if ((!m.currency && !m.columns.currency) || stats.lo === null || stats.hi === null) return 0;
  const range = `order_date BETWEEN TIMESTAMP '${stats.lo}' AND TIMESTAMP '${stats.hi}'`;
  // the usual case, nothing stored without a currency in the file's dates, costs one probe
  const probe = await conn.runAndReadAll(`SELECT count(*) FROM (SELECT 1 FROM transactions WHERE currency IS NULL AND ${range} LIMIT 1)`);
  if (Number(probe.getRows()[0]![0]) === 0) return 0;
  const r = await conn.run(
    `UPDATE transactions AS s SET currency = p.currency
     FROM ${withOccurrence(p)} p
     WHERE s.currency IS NULL AND s.${range} AND p.reason IS NULL AND p.currency IS NOT NULL AND ${sameIdentitySql('s', 'p')}`,
  );
  return r.rowsChanged;
}
