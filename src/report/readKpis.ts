import type { DuckDBConnection } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { queryPath } from '../util/paths.js';
import type { Kpi } from './types.js';

/** KPI tiles cover the last 4 weeks: long enough to be steady, short enough to move week to week. */
export const KPI_WINDOW_DAYS = 28;

type KpiValues = Record<string, number>;

async function kpiValues(conn: DuckDBConnection, asOf: string): Promise<KpiValues> {
  const sql = readFileSync(queryPath('pipeline/kpis.sql'), 'utf8');
  const r = await conn.runAndReadAll(sql, { as_of: asOf, window_days: KPI_WINDOW_DAYS });
  const row = r.getRowObjectsJS()[0]!;
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? 0 : Number(v)]));
}

const DEFS: { key: string; label: string; format: Kpi['format'] }[] = [
  { key: 'customers', label: 'Customers to date', format: 'int' },
  { key: 'active_customers', label: `Active customers (${KPI_WINDOW_DAYS} days)`, format: 'int' },
  { key: 'new_customers', label: `New customers (${KPI_WINDOW_DAYS} days)`, format: 'int' },
  { key: 'revenue', label: `Net revenue (${KPI_WINDOW_DAYS} days)`, format: 'money' },
  { key: 'orders', label: `Orders (${KPI_WINDOW_DAYS} days)`, format: 'int' },
  { key: 'aov', label: `Average order value (${KPI_WINDOW_DAYS} days)`, format: 'money' },
  { key: 'repeat_rate', label: 'Repeat customer rate', format: 'pct' },
];

/** KPI tiles as of a date, each with the same KPI as of the previous run's date when there is one. */
export async function readKpis(conn: DuckDBConnection, asOf: string, previousAsOf: string | null): Promise<Kpi[]> {
  const now = withAov(await kpiValues(conn, asOf));
  const before = previousAsOf ? withAov(await kpiValues(conn, previousAsOf)) : null;
  return DEFS.map((d) => ({ ...d, value: now[d.key] ?? 0, previous: before ? (before[d.key] ?? 0) : null }));
}

const withAov = (v: KpiValues): KpiValues => ({ ...v, aov: v['orders'] ? v['revenue']! / v['orders'] : 0 });
