import type { DuckDBConnection } from '@duckdb/node-api';
import type { Mapping } from './mapping.js';
import type { FileLoadResult } from './types.js';
import { fileChecksum } from './checksum.js';
import { claimCurrency } from './claimCurrency.js';
import { insertRows, type InsertCounts } from './insertRows.js';
import { NO_CUSTOMER_REASON, parseRowsSql, reasonCountsSql, repeatsSql, sharedHashesSql, type ResolvedMapping } from './parseRows.js';
import { resolveMapping } from './resolveMapping.js';
import { stageFile, stageNormalized } from './stage/stageFile.js';
import { isDialectError } from './stage/stageCsv.js';
import { clearRejects, numberParsed } from './stage/rejects.js';
import { inputError } from '../util/error.js';
import { parseCurrency } from './currency.js';
import { describeNumberFormat } from './detectNumberFormat.js';
import type { Staged } from './stage/types.js';
import { withPreset, type PresetUse } from './presets/index.js';
import { dateZone } from '../timezone/dateZone.js';
import { withZone } from '../timezone/withZone.js';
import { relayCustomers } from './relays.js';

export interface LoadFileOptions {
  mapping: Mapping;
  /** Where the mapping came from, for messages. */
  mappingSource: string;
  /**
   * ISO 4217 code of the amounts when neither a row's currency column nor the mapping says
   * (`crm load --currency`, a pipeline's `currency`); without any, rows are stored with none.
   */
  currency?: string;
  /** keep the first parsed rows of each file in the result (for --dry-run) */
  preview?: number;
  /** a preset to read every file with (`crm load --preset`); else the mapping's, else recognised */
  preset?: string;
  /** IANA zone of naive order dates where neither the mapping nor its preset says (`crm load --timezone`, a pipeline's `timezone`) */
  timezone?: string;
  /** called before each file is read (progress display) */
  onFile?: (index: number, total: number, path: string) => void;
}

/** What one pass over a file's parsed rows found. */
export interface ParseStats {
  /** rows per reason; the key "" counts usable rows */
  reasons: Record<string, number>;
  /** the usable rows' date range, as TIMESTAMP text (null when none) */
  lo: string | null;
  hi: string | null;
  /** usable rows repeating an earlier usable row of the file exactly */
  repeats: number;
  /** net amount of the rows with no customer id: revenue no customer can be credited with */
  noCustomerRevenue: number;
  /** the same per currency ("unknown" = not known; a code is always three capitals) */
  noCustomerByCurrency: Record<string, number>;
  /** customers whose id is a marketplace or privacy relay address (see relays.ts) */
  relayCustomers: number;
}

/** A file read and checked, not yet written anywhere. */
export interface PreparedFile {
  path: string;
  checksum: string;
  staged: Staged;
  mapping: ResolvedMapping;
  /** temp relation names: `<t>` staging, `<t>_rows` and its numbered view `<t>_parsed`, `<t>_repeats` */
  t: string;
  stats: ParseStats;
  /** the preset the mapping came from, if any */
  preset?: PresetUse;
}

/**
 * Read, check and parse one file into temp tables, reading the file once. Nothing kept is
 * written, so this runs before the load's transaction.
 */
export async function prepareFile(conn: DuckDBConnection, path: string, opts: LoadFileOptions, t: string): Promise<PreparedFile> {
  // hashing runs on this thread while DuckDB parses on its own: ~1 s per GB saved
  const hashing = fileChecksum(path);
  hashing.catch(() => undefined); // awaited below; a parse error must not leave it unhandled
  const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
  let preset: PresetUse | undefined;
  const parse = async (staged: Staged) => {
    const chosen = withPreset(withDefaultCurrency(opts), staged.headers, opts.preset, opts.mappingSource);
    preset = chosen.preset;
    // order-level fields are matched to an order's lines by line number, so the rows must be
    // numbered while they are parsed: stage a numbered copy (exports with them are shop-sized)
    if (chosen.mapping.order_level?.length && staged.pending) staged = await stageFile(conn, t, path, chosen.mapping, { numbered: true });
    const mapping = await resolveMapping(conn, t, withZone(chosen.mapping, opts.timezone), staged.headers, path, opts.mappingSource);
    await parseFile(conn, t, path, staged, mapping, now);
    return { staged, mapping };
  };
  const first = await stageFile(conn, t, path, opts.mapping);
  const { staged, mapping } = await parse(first).catch(async (err: unknown) => {
    // damage past what the sniffer sampled (mixed line endings deep in a big file) breaks the
    // first full read: read a normalised copy instead, as stageFile does when it shows up front
    if (!first.pending || !isDialectError(err)) throw err;
    return parse(await stageNormalized(conn, t, path, path, opts.mapping));
  });
  const stats = await parseStats(conn, t, `${t}_parsed`);
  stats.relayCustomers = await relayCustomers(conn, `${t}_parsed`, mapping);
  return { path, checksum: await hashing, staged, mapping, t, stats, ...(preset ? { preset } : {}) };
}

/** The mapping with the load's currency option filled in where the mapping names none (the mapping wins). */
function withDefaultCurrency(opts: LoadFileOptions): Mapping {
  // a preset never names a currency: exports carry theirs per row, so the option stays the fallback
  if (opts.mapping.currency || !opts.currency) return opts.mapping;
  return { ...opts.mapping, currency: parseCurrency(opts.currency, 'the load option "currency"') };
}

/**
 * The one parse pass: every row into temp table `<t>_rows`, in file order and in parallel, then
 * `<t>_parsed` as that table with line numbers (a pending CSV view is numbered only now, around
 * the records its reader rejected during this pass).
 */
async function parseFile(conn: DuckDBConnection, t: string, path: string, staged: Staged, m: ResolvedMapping, now: string): Promise<void> {
  if (staged.pending) await clearRejects(conn);
  try {
    await conn.run(`CREATE OR REPLACE TEMP TABLE ${t}_rows AS ${parseRowsSql(m, t, now, staged.headers)}`);
  } catch (err) {
    throw inputError(`${path}: cannot read: ${(err as Error).message}`, err);
  }
  if (!staged.pending) {
    await conn.run(`CREATE OR REPLACE TEMP VIEW ${t}_parsed AS SELECT * FROM ${t}_rows`);
    return;
  }
  Object.assign(staged, await numberParsed(conn, `${t}_rows`, `${t}_parsed`, staged.pending.firstLine));
}

async function parseStats(conn: DuckDBConnection, t: string, parsed: string): Promise<ParseStats> {
  const r = await conn.runAndReadAll(
    `SELECT coalesce(reason, ''), no_customer_currency, n, strftime(lo, '%Y-%m-%d %H:%M:%S.%f'), strftime(hi, '%Y-%m-%d %H:%M:%S.%f'), net
     FROM (${reasonCountsSql(parsed)})`,
  );
  const stats: ParseStats = { reasons: {}, lo: null, hi: null, repeats: 0, noCustomerRevenue: 0, noCustomerByCurrency: {}, relayCustomers: 0 };
  for (const [reason, currency, n, lo, hi, net] of r.getRows()) {
    const key = String(reason);
    stats.reasons[key] = (stats.reasons[key] ?? 0) + Number(n);
    if (reason === NO_CUSTOMER_REASON) {
      stats.noCustomerRevenue += Number(net);
      stats.noCustomerByCurrency[String(currency)] = Number(net);
    }
    if (reason === '') [stats.lo, stats.hi] = [lo === null ? null : String(lo), hi === null ? null : String(hi)];
  }
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${t}_shared AS ${sharedHashesSql(parsed)}`);
  const shared = await conn.runAndReadAll(`SELECT count(*) FROM ${t}_shared`);
  if (Number(shared.getRows()[0]![0]) > 0) {
    await conn.run(`CREATE OR REPLACE TEMP TABLE ${t}_repeats AS ${repeatsSql(parsed, `${t}_shared`)}`);
    stats.repeats = Number((await conn.runAndReadAll(`SELECT count(*) FROM ${t}_repeats`)).getRows()[0]![0]);
  }
  return stats;
}

/**
 * Write a prepared file inside the caller's transaction. A file whose checksum was loaded before
 * is counted as duplicates. The accounting identity is checked before the load is recorded:
 * rows_read = loaded + duplicates + excluded + quarantined.
 */
export async function commitFile(conn: DuckDBConnection, p: PreparedFile, opts: LoadFileOptions): Promise<FileLoadResult> {
  const loadId = await nextLoadId(conn);
  const rowsRead = p.staged.accepted + p.staged.rejected.length;
  const already = await alreadyLoaded(conn, p.checksum);
  const counts: InsertCounts = already
    ? { loaded: 0, duplicates: rowsRead, excluded: 0, quarantined: 0, duplicateLinesKept: 0, quarantineReasons: {}, excludedReasons: {}, refunds: 0, refundedAmount: 0 }
    : await insertRows(conn, p, loadId);
  const currencySet = await claimCurrency(conn, p);
  const preview = opts.preview && !already ? await previewRows(conn, `${p.t}_parsed`, opts.preview) : undefined;
  const detected = {
    ...p.staged.detected, ...(p.preset ? { preset: `${p.preset.name} (${p.preset.how})` } : {}),
    date_format: p.mapping.date_format, timezone: dateZone(p.mapping), currency: currencySource(p.mapping), ...numbersDetected(p.mapping),
  };
  const result: FileLoadResult = {
    path: p.path, loadId, status: already ? 'already loaded' : 'loaded', rowsRead, ...counts, currencySet,
    noCustomerRevenue: already ? 0 : p.stats.noCustomerRevenue, relayCustomers: already ? 0 : p.stats.relayCustomers, mapping: p.mapping, detected, ...(p.preset ? { preset: p.preset } : {}),
    ...(preview ? { preview } : {}),
  };
  checkAccounting(result);
  await recordLoad(conn, p.checksum, result, p.stats.noCustomerByCurrency);
  return result;
}

/** Detected thousands separators, e.g. number_format: 'amount: thousands ",", decimal "."'. */
function numbersDetected(m: ResolvedMapping): Record<string, string> {
  const found = Object.entries(m.detected_numbers ?? {}).map(([f, nf]) => `${f} (column ${m.columns[f as 'amount']}): ${describeNumberFormat(nf)}`);
  return found.length ? { number_format: found.join('; ') } : {};
}

/** Where the file's currency comes from, for --dry-run and loads.detected. */
function currencySource(m: ResolvedMapping): string {
  const fallback = m.currency ?? 'not known';
  return m.columns.currency ? `column ${m.columns.currency}, else ${fallback}` : fallback;
}

/** Drop a prepared file's temp relations. */
export async function dropPrepared(conn: DuckDBConnection, t: string): Promise<void> {
  const r = await conn.runAndReadAll(
    `SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'main' AND table_catalog = 'temp' AND table_name LIKE '${t}%'`,
  );
  for (const [name, type] of r.getRows()) await conn.run(`DROP ${type === 'VIEW' ? 'VIEW' : 'TABLE'} IF EXISTS "${String(name)}"`);
}

/** Every row read is accounted for exactly once; anything else is a bug, and the load rolls back. */
export function checkAccounting(r: FileLoadResult): void {
  const sum = r.loaded + r.duplicates + r.excluded + r.quarantined;
  if (sum !== r.rowsRead) {
    throw new Error(`${r.path}: row accounting does not add up: read ${r.rowsRead} ≠ loaded ${r.loaded} + duplicates ${r.duplicates} + excluded ${r.excluded} + quarantined ${r.quarantined}`);
  }
}

async function previewRows(conn: DuckDBConnection, parsed: string, n: number): Promise<Record<string, unknown>[]> {
  const r = await conn.runAndReadAll(
    `SELECT source_line, customer_id, order_id, strftime(order_date, '%Y-%m-%d %H:%M:%S') AS order_date, amount, currency, is_return, refunded_amount, reason
     FROM ${parsed} ORDER BY source_line LIMIT ${n}`,
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

async function recordLoad(conn: DuckDBConnection, checksum: string, r: FileLoadResult, noCustomer: Record<string, number>): Promise<void> {
  await conn.run(
    `INSERT INTO loads (load_id, path, checksum, format, mapping, rows_read, rows_loaded, rows_duplicate, rows_excluded,
       rows_quarantined, status, detected, duplicate_lines_kept, no_customer_revenue, refunds, refunded_amount, no_customer_by_currency)
     VALUES ($id, $path, $checksum, $format, $mapping, $read, $loaded, $dup, $excl, $quar, $status, $detected, $kept, $nc, $refunds, $refunded, $ncc)`,
    {
      id: r.loadId, path: r.path, checksum, format: String(r.detected['format']), mapping: JSON.stringify(r.mapping),
      read: r.rowsRead, loaded: r.loaded, dup: r.duplicates, excl: r.excluded, quar: r.quarantined, status: r.status,
      detected: JSON.stringify(r.detected), kept: r.duplicateLinesKept, nc: r.noCustomerRevenue,
      refunds: r.refunds, refunded: r.refundedAmount, ncc: JSON.stringify(r.status === 'loaded' ? noCustomer : {}),
    },
  );
}
