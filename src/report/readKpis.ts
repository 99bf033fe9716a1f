import type { DuckDBConnection } from '@duckdb/node-api';
import { DEFAULT_DYNAMICS } from '../dynamics/config.js';
import { en } from './i18n/en.js';
import type { Kpi } from './types.js';

/** KPI tiles cover the last 4 weeks: long enough to be steady, short enough to move week to week. */
export const KPI_WINDOW_DAYS = DEFAULT_DYNAMICS.kpiWindowDays;

/** Display order and format; labels come from the message catalogue (English stored here). */
const DEFS: { key: keyof typeof en.kpis.labels; format: Kpi['format'] }[] = [
  { key: 'revenue', format: 'money' },
  { key: 'orders', format: 'int' },
  { key: 'active_customers', format: 'int' },
  { key: 'new_customers', format: 'int' },
  { key: 'aov', format: 'money' },
  { key: 'repeat_rate', format: 'pct' },
  { key: 'churned', format: 'int' },
  { key: 'won_back', format: 'int' },
  { key: 'return_rate', format: 'pct' },
  { key: 'customers', format: 'int' },
];

/**
 * The run's KPI tiles from the `kpis` table (written by the dynamics step), in display order.
 * @example const kpis = await readKpis(conn, runId);
 */
export async function readKpis(conn: DuckDBConnection, runId: number): Promise<Kpi[]> {
  const r = await conn.runAndReadAll('SELECT kpi, value, previous_value FROM kpis WHERE run_id = $run', { run: runId });
  const byKey = new Map(r.getRows().map(([k, v, p]) => [String(k), { v: v === null ? null : Number(v), p: p === null ? null : Number(p) }]));
  return DEFS.filter((d) => byKey.get(d.key)?.v !== null && byKey.has(d.key)).map((d) => ({
    ...d,
    label: en.kpis.labels[d.key](String(KPI_WINDOW_DAYS)),
    value: byKey.get(d.key)!.v!,
    previous: byKey.get(d.key)!.p,
  }));
}
