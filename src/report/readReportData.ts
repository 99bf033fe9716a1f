import type { DuckDBConnection } from '@duckdb/node-api';
import { cellNumber as num, cellString as str, selectRows as select } from '../query/selectRows.js';
import { inputError } from '../util/error.js';
import { readClusters } from './readClusters.js';
import { readKpis } from './readKpis.js';
import { readDynamics } from './dynamics/readDynamics.js';
import { readModels } from './models/readModels.js';
import type { BinRow, LoadRow, ReportCurrency, ReportData, RfCell, RuleRow, SegmentRow } from './types.js';
import { readTrend } from './trend/readTrend.js';
import { readProducts } from './products/readProducts.js';
import { runZone } from '../timezone/runZone.js';
import { withLocalTransactions } from '../timezone/withLocalTransactions.js';
import { readHouseAccounts, readNoCustomer } from './readTrust.js';
import { EXCLUDED_PREFIX } from '../load/checks.js';


/** Which run a report is for: the given id, else the latest ok run as of a date, else the latest ok run. */
export async function findRun(conn: DuckDBConnection, opts: { runId?: number; asOf?: string }): Promise<number> {
  const rows = await select(
    conn,
    `SELECT run_id FROM runs WHERE status = 'ok'
       AND ($id IS NULL OR run_id = $id) AND ($as_of IS NULL OR as_of = $as_of::DATE)
     ORDER BY as_of DESC, run_id DESC LIMIT 1`,
    { id: opts.runId ?? null, as_of: opts.asOf ?? null },
  );
  if (rows.length === 0) {
    const which = opts.runId ? `run ${opts.runId}` : opts.asOf ? `as of ${opts.asOf}` : 'at all';
    throw inputError(`no successful analysis run ${which}: run \`crm analyze${opts.asOf ? ` --as-of ${opts.asOf}` : ''}\` first`);
  }
  return num(rows[0]!['run_id']);
}

/**
 * Read everything one run's report shows.
 *
 * @example const data = await readReportData(conn, await findRun(conn, {}));
 */
export async function readReportData(conn: DuckDBConnection, runId: number): Promise<ReportData> {
  const run = (await select(conn, `SELECT run_id, as_of::VARCHAR AS as_of, pipeline, started_at::VARCHAR AS started_at, rules_name FROM runs WHERE run_id = $run`, { run: runId }))[0]!;
  const asOf = str(run['as_of']);
  const prev = (await select(conn, `SELECT run_id, as_of::VARCHAR AS as_of FROM runs WHERE status = 'ok' AND as_of < $as_of::DATE ORDER BY as_of DESC, run_id DESC LIMIT 1`, { as_of: asOf }))[0];
  const previousRun = prev ? { runId: num(prev['run_id']), asOf: str(prev['as_of']) } : null;
  const currency = await readCurrency(conn, runId);
  const timezone = await runZone(conn, runId);
  return {
    run: { runId, asOf, pipeline: run['pipeline'] === null ? null : str(run['pipeline']), startedAt: str(run['started_at']), rulesName: str(run['rules_name']), timezone },
    previousRun,
    window: await withLocalTransactions(conn, timezone, () => readWindow(conn, runId, asOf, currency)),
    kpis: await readKpis(conn, runId),
    segments: await readSegments(conn, runId),
    rfGrid: await readGrid(conn, runId),
    rules: await readRules(conn, runId),
    bins: await readBins(conn, runId),
    loads: await readLoads(conn),
    quarantineByReason: (await select(conn, `SELECT reason, count(*) AS rows FROM quarantine GROUP BY reason ORDER BY rows DESC, reason`)).map((r) => ({ reason: str(r['reason']), rows: num(r['rows']) })),
    excludedByReason: await readExcluded(conn),
    clusters: await readClusters(conn, runId),
    dynamics: await readDynamics(conn, runId),
    models: await readModels(conn, runId),
    trend: await readTrend(conn, runId),
    currency,
    products: await readProducts(conn, runId, previousRun?.runId ?? null),
    houseAccounts: await readHouseAccounts(conn, runId),
    noCustomer: await readNoCustomer(conn, runId, currency.others.length ? currency.code : '*'),
  };
}

/** The run's currency and the other currencies' totals (run_config 'currency'; none for older runs). */
async function readCurrency(conn: DuckDBConnection, runId: number): Promise<ReportCurrency> {
  const rows = await select(conn, `SELECT config::VARCHAR AS c FROM run_config WHERE run_id = $run AND section = 'currency'`, { run: runId });
  if (rows.length === 0) return { code: null, chosen: null, others: [] };
  const c = JSON.parse(str(rows[0]!['c'])) as { currency: string | null; chosen: ReportCurrency['chosen']; others: ReportCurrency['others'] };
  return { code: c.currency, chosen: c.chosen, others: c.others };
}

/** The analysed transactions' window (local days of the run's zone): those of the run's currency when others were left out. */
async function readWindow(conn: DuckDBConnection, runId: number, asOf: string, currency: ReportCurrency): Promise<ReportData['window']> {
  const w = (await select(
    conn,
    `SELECT min(order_date)::DATE::VARCHAR AS first, max(order_date)::DATE::VARCHAR AS last, count(*) AS n,
       (SELECT count(*) FROM customer_scores WHERE run_id = $run) AS customers
     FROM transactions WHERE order_date < $as_of::DATE + INTERVAL 1 DAY
       AND ($currency::VARCHAR = '*' OR currency IS NOT DISTINCT FROM $currency::VARCHAR)`,
    { run: runId, as_of: asOf, currency: currency.others.length ? currency.code : '*' },
  ))[0]!;
  return { firstOrderDate: str(w['first']), lastOrderDate: str(w['last']), transactions: num(w['n']), customers: num(w['customers']) };
}

async function readSegments(conn: DuckDBConnection, runId: number): Promise<SegmentRow[]> {
  const rows = await select(
    conn,
    `SELECT segment, count(*) AS customers, count(*) / sum(count(*)) OVER () AS share,
       sum(monetary) AS revenue, sum(monetary) / nullif(sum(sum(monetary)) OVER (), 0) AS revenue_share,
       avg(recency_days) AS r, avg(frequency) AS f, avg(monetary) AS m
     FROM customer_scores WHERE run_id = $run GROUP BY segment ORDER BY customers DESC, segment`,
    { run: runId },
  );
  return rows.map((r) => ({
    segment: str(r['segment']), customers: num(r['customers']), share: num(r['share']), revenue: num(r['revenue']),
    revenueShare: num(r['revenue_share']), avgRecencyDays: num(r['r']), avgFrequency: num(r['f']), avgMonetary: num(r['m']),
  }));
}

async function readGrid(conn: DuckDBConnection, runId: number): Promise<RfCell[]> {
  const rows = await select(
    conn,
    `SELECT r_score, f_score, count(*) AS customers, avg(monetary) AS mean_monetary, mode(segment ORDER BY segment) AS segment
     FROM customer_scores WHERE run_id = $run GROUP BY r_score, f_score ORDER BY r_score, f_score`,
    { run: runId },
  );
  return rows.map((r) => ({ r: num(r['r_score']), f: num(r['f_score']), customers: num(r['customers']), meanMonetary: num(r['mean_monetary']), segment: str(r['segment']) }));
}

async function readRules(conn: DuckDBConnection, runId: number): Promise<RuleRow[]> {
  const rows = await select(conn, `SELECT * FROM rfm_rules WHERE run_id = $run ORDER BY priority`, { run: runId });
  return rows.map((r) => ({
    priority: num(r['priority']), segment: str(r['segment']), rMin: num(r['r_min']), rMax: num(r['r_max']), fMin: num(r['f_min']),
    fMax: num(r['f_max']), mMin: num(r['m_min']), mMax: num(r['m_max']), description: r['description'] === null ? null : str(r['description']),
  }));
}

async function readBins(conn: DuckDBConnection, runId: number): Promise<BinRow[]> {
  const rows = await select(conn, `SELECT * FROM rfm_bins WHERE run_id = $run ORDER BY metric, score`, { run: runId });
  return rows.map((r) => ({
    metric: str(r['metric']) as BinRow['metric'], score: num(r['score']),
    lower: r['lower'] === null ? null : num(r['lower']), upper: r['upper'] === null ? null : num(r['upper']), customers: num(r['customers']),
  }));
}

async function readLoads(conn: DuckDBConnection): Promise<LoadRow[]> {
  const rows = await select(conn, `SELECT *, loaded_at::VARCHAR AS at, split_part(detected->>'preset', ' ', 1) AS preset FROM loads ORDER BY load_id`);
  return rows.map((r) => ({
    loadId: num(r['load_id']), path: str(r['path']), loadedAt: str(r['at']), rowsRead: num(r['rows_read']), rowsLoaded: num(r['rows_loaded']),
    rowsDuplicate: num(r['rows_duplicate']), rowsExcluded: num(r['rows_excluded']), rowsQuarantined: num(r['rows_quarantined']), status: str(r['status']),
    preset: r['preset'] === null ? null : str(r['preset']), refunds: num(r['refunds'] ?? 0),
  }));
}

/** excluded.reason is "<reason>: <detail>"; the reason names the rule ("excluded status voided"). */
async function readExcluded(conn: DuckDBConnection): Promise<ReportData['excludedByReason']> {
  const rows = await select(
    conn,
    `SELECT regexp_replace(split_part(reason, ': ', 1), '^' || $prefix, '') AS reason, count(*) AS rows FROM excluded GROUP BY 1 ORDER BY rows DESC, reason`,
    { prefix: EXCLUDED_PREFIX },
  );
  return rows.map((r) => ({ reason: str(r['reason']), rows: num(r['rows']) }));
}
