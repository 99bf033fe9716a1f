import type { DuckDBConnection } from '@duckdb/node-api';
import { DEFAULT_DYNAMICS } from '../dynamics/config.js';
import type { Kpi } from './types.js';

/** KPI tiles cover the last 4 weeks: long enough to be steady, short enough to move week to week. */
export const KPI_WINDOW_DAYS = DEFAULT_DYNAMICS.kpiWindowDays;

const w = `(${KPI_WINDOW_DAYS} days)`;
const DEFS: { key: string; label: string; format: Kpi['format'] }[] = [
  { key: 'revenue', label: `Net revenue ${w}`, format: 'money' },
  { key: 'orders', label: `Orders ${w}`, format: 'int' },
  { key: 'active_customers', label: `Active customers ${w}`, format: 'int' },
  { key: 'new_customers', label: `New customers ${w}`, format: 'int' },
  { key: 'aov', label: `Average order value ${w}`, format: 'money' },
  { key: 'repeat_rate', label: 'Repeat customer rate', format: 'pct' },
  { key: 'churned', label: 'Newly lost since last run', format: 'int' },
  { key: 'won_back', label: 'Won back', format: 'int' },
  { key: 'return_rate', label: `Return rate ${w}`, format: 'pct' },
  { key: 'customers', label: 'Customers to date', format: 'int' },
];

/** The run's KPI tiles from the `kpis` table (written by the dynamics step), in display order. */
export async function readKpis(conn: DuckDBConnection, runId: number): Promise<Kpi[]> {
  const r = await conn.runAndReadAll('SELECT kpi, value, previous_value FROM kpis WHERE run_id = $run', { run: runId });
  const byKey = new Map(r.getRows().map(([k, v, p]) => [String(k), { v: v === null ? null : Number(v), p: p === null ? null : Number(p) }]));
  return DEFS.filter((d) => byKey.get(d.key)?.v !== null && byKey.has(d.key)).map((d) => ({
    ...d,
    value: byKey.get(d.key)!.v!,
    previous: byKey.get(d.key)!.p,
  }));
}
