import type { DuckDBConnection } from '@duckdb/node-api';
import { withHouseAccounts } from '../house/loadHouseAccounts.js';
import { inTransaction } from '../store/database.js';
import { expandInputs } from './expandInputs.js';
import { commitFile, dropPrepared, prepareFile, type LoadFileOptions, type PreparedFile } from './loadFile.js';
import type { LoadSummary, FileLoadResult } from './types.js';

/**
 * Load files (paths or globs) in one transaction: either every file lands with its loads row,
 * or, on any error, nothing is written.
 *
 * @example await loadFiles(conn, ['exports/*.csv'], { mapping, mappingSource: 'mapping.json' })
 */
export async function loadFiles(conn: DuckDBConnection, inputs: string[], opts: LoadFileOptions): Promise<LoadSummary> {
  const paths = await expandInputs(conn, inputs);
  return withPrepared(conn, paths, opts, async (prepared) => withHouseAccounts(conn, summarize(await inTransaction(conn, () => commitEach(conn, prepared, opts)))));
}

/**
 * Everything a load would do, rolled back at the end: the counts, the mapping and formats it
 * would use, and the first parsed rows of each file. Nothing is written.
 */
export async function dryRunLoad(conn: DuckDBConnection, inputs: string[], opts: LoadFileOptions): Promise<LoadSummary> {
  const paths = await expandInputs(conn, inputs);
  const withPreview = { ...opts, preview: opts.preview ?? 5 };
  return withPrepared(conn, paths, withPreview, async (prepared) => {
    await conn.run('BEGIN TRANSACTION');
    try {
      return { ...(await withHouseAccounts(conn, summarize(await commitEach(conn, prepared, withPreview)))), dry_run: true };
    } finally {
      await conn.run('ROLLBACK');
    }
  });
}

/** Prepare every file (temp tables only), run `fn`, and drop the temp tables whatever happens. */
async function withPrepared<T>(conn: DuckDBConnection, paths: string[], opts: LoadFileOptions, fn: (p: PreparedFile[]) => Promise<T>): Promise<T> {
  const prepared: PreparedFile[] = [];
  try {
    for (const [i, path] of paths.entries()) {
      opts.onFile?.(i, paths.length, path);
      prepared.push(await prepareFile(conn, path, opts, `crm_load_${i}`));
    }
    return await fn(prepared);
  } finally {
    for (const i of paths.keys()) await dropPrepared(conn, `crm_load_${i}`);
  }
}

async function commitEach(conn: DuckDBConnection, prepared: PreparedFile[], opts: LoadFileOptions): Promise<FileLoadResult[]> {
  const results: FileLoadResult[] = [];
  for (const p of prepared) results.push(await commitFile(conn, p, opts));
  return results;
}

/** Add up per-file results. */
export function summarize(files: FileLoadResult[]): LoadSummary {
  const s: LoadSummary = { rows_read: 0, loaded: 0, duplicates: 0, excluded: 0, quarantined: 0, quarantine_reasons: {}, excluded_reasons: {}, refunds: 0, refunded_amount: 0, duplicate_lines_kept: 0, currency_set: 0, no_customer_revenue: 0, relay_customers: 0, files };
  for (const f of files) {
    s.rows_read += f.rowsRead;
    s.loaded += f.loaded;
    s.duplicates += f.duplicates;
    s.excluded += f.excluded;
    s.quarantined += f.quarantined;
    s.duplicate_lines_kept += f.duplicateLinesKept;
    s.currency_set += f.currencySet;
    s.no_customer_revenue += f.noCustomerRevenue;
    s.relay_customers += f.relayCustomers;
    s.refunds += f.refunds;
    s.refunded_amount += f.refundedAmount;
    for (const [reason, n] of Object.entries(f.excludedReasons)) s.excluded_reasons[reason] = (s.excluded_reasons[reason] ?? 0) + n;
    for (const [reason, n] of Object.entries(f.quarantineReasons)) {
      s.quarantine_reasons[reason] = (s.quarantine_reasons[reason] ?? 0) + n;
    }
  }
  return s;
}
