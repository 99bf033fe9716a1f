import type { DuckDBConnection } from '@duckdb/node-api';
import { DEFAULT_DYNAMICS } from '../dynamics/config.js';
import { en } from './i18n/en.js';
import { kpiLabel } from './kpiLabel.js';
import type { Kpi, KpiComparison } from './types.js';

/** KPI tiles cover the last 4 weeks: long enough to be steady, short enough to move week to week. */
export const KPI_WINDOW_DAYS = DEFAULT_DYNAMICS.kpiWindowDays;

type KpiKey = keyof typeof en.kpis.names;

/**
 * Display order and format, and for runs made before kpis recorded windows (migration 010) the
 * window the KPI counted over: 'kpi' = the KPI window, 'wonBack' = the won-back window, null = to
 * date or run to run.
 */
const DEFS: { key: KpiKey; format: Kpi['format']; legacyWindow: 'kpi' | 'wonBack' | null }[] = [
  { key: 'revenue', format: 'money', legacyWindow: 'kpi' },
  { key: 'orders', format: 'int', legacyWindow: 'kpi' },
  { key: 'active_customers', format: 'int', legacyWindow: 'kpi' },
  { key: 'new_customers', format: 'int', legacyWindow: 'kpi' },
  { key: 'aov', format: 'money', legacyWindow: 'kpi' },
  { key: 'repeat_rate', format: 'pct', legacyWindow: null },
  { key: 'churned', format: 'int', legacyWindow: null },
  { key: 'won_back', format: 'int', legacyWindow: 'wonBack' },
  { key: 'return_rate', format: 'pct', legacyWindow: 'kpi' },
  { key: 'customers', format: 'int', legacyWindow: null },
];

const COMPARISONS: readonly string[] = ['previous_window', 'window_start', 'previous_run', 'none'] satisfies KpiComparison[];

/**
 * The run's KPI tiles from the `kpis` table (written by the dynamics step), in display order, each
 * with its window and what its earlier value is. Rows written before migration 010 compared with
 * the previous run; they say so.
 *
 * @example const kpis = await readKpis(conn, runId); kpis[0] // { key: 'revenue', windowDays: 28, comparedWith: 'previous_window', … }
 */
export async function readKpis(conn: DuckDBConnection, runId: number): Promise<Kpi[]> {
  const r = await conn.runAndReadAll('SELECT kpi, value, previous_value, window_days, compared_with FROM kpis WHERE run_id = $run', { run: runId });
  const byKey = new Map(
    r.getRows().map(([k, v, p, w, c]) => [String(k), { v: numOrNull(v), p: numOrNull(p), w: numOrNull(w), c: c === null ? null : String(c) }]),
  );
  const legacyDays = await legacyWindows(conn, runId);
  return DEFS.flatMap((d) => {
    const row = byKey.get(d.key);
    if (!row || row.v === null) return [];
    const recorded = row.c !== null && COMPARISONS.includes(row.c);
    const windowDays = recorded ? row.w : d.legacyWindow === null ? null : legacyDays[d.legacyWindow];
    const kpi: Kpi = {
      key: d.key, format: d.format, value: row.v, previous: row.p, windowDays,
      comparedWith: recorded ? (row.c as KpiComparison) : 'previous_run', label: '',
    };
    return [{ ...kpi, label: kpiLabel(kpi) }];
  });
}

/** The windows an older run used, from its stored dynamics config (defaults when absent). */
async function legacyWindows(conn: DuckDBConnection, runId: number): Promise<{ kpi: number; wonBack: number }> {
  const r = await conn.runAndReadAll(`SELECT config FROM run_config WHERE run_id = $run AND section = 'dynamics'`, { run: runId });
  const config = r.getRows()[0]?.[0];
  const parsed = config == null ? {} : (JSON.parse(String(config)) as Partial<typeof DEFAULT_DYNAMICS>);
  return { kpi: parsed.kpiWindowDays ?? DEFAULT_DYNAMICS.kpiWindowDays, wonBack: parsed.wonBackDays ?? DEFAULT_DYNAMICS.wonBackDays };
}

const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
