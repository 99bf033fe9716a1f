import type { DuckDBConnection } from '@duckdb/node-api';
import { cellNumber as num, cellNumberOrNull as numOrNull, cellString as str, selectRows as select } from '../../query/selectRows.js';

/** One successful run's headline figures, for the trend across runs on reports/index.html. */
export interface RunPoint {
  runId: number;
  asOf: string;
  /** net revenue over the KPI window up to the as-of date; null when the run has no KPIs */
  revenue: number | null;
  activeCustomers: number | null;
  /** the KPI window in days (28 unless configured) */
  windowDays: number;
  /** the run's currency (ISO 4217); null = not known, as for runs made before currencies were recorded (the report says the same) */
  currency: string | null;
}

/**
 * The latest successful run of each as-of date with its net revenue and active customers (KPI
 * window), oldest first: the same run a report file belongs to.
 *
 * @example const points = await readRunTrend(conn); points.at(-1)?.revenue
 */
export async function readRunTrend(conn: DuckDBConnection, defaultWindowDays: number): Promise<RunPoint[]> {
  const rows = await select(
    conn,
    `WITH latest AS (
       SELECT run_id, as_of FROM runs WHERE status = 'ok' QUALIFY row_number() OVER (PARTITION BY as_of ORDER BY run_id DESC) = 1
     )
     SELECT l.run_id, l.as_of::VARCHAR AS as_of,
       max(k.value) FILTER (WHERE k.kpi = 'revenue') AS revenue,
       max(k.value) FILTER (WHERE k.kpi = 'active_customers') AS active,
       max(k.window_days) FILTER (WHERE k.kpi = 'revenue') AS window_days,
       (SELECT json_extract_string(c.config, '$.currency') FROM run_config c WHERE c.run_id = l.run_id AND c.section = 'currency') AS currency
     FROM latest l LEFT JOIN kpis k USING (run_id)
     GROUP BY l.run_id, l.as_of ORDER BY l.as_of`,
  );
  return rows.map((r) => ({
    runId: num(r['run_id']), asOf: str(r['as_of']), revenue: numOrNull(r['revenue']), activeCustomers: numOrNull(r['active']),
    windowDays: numOrNull(r['window_days']) ?? defaultWindowDays,
    currency: r['currency'] === null ? null : str(r['currency']),
  }));
}
