import { toTable } from '../query/format.js';
import type { QueryResult } from '../query/runQuery.js';

/** Terminal width `crm runs` keeps to by default. */
export const RUNS_WIDTH = 100;

const cut = (s: string, width: number): string => (s.length <= width ? s : s.slice(0, width - 1) + '…');

/**
 * The short `crm runs` table: one line per run under RUNS_WIDTH columns, and the failed runs'
 * errors below it, one line each (cut to the width; `--details` or `--format json` give more).
 * The error column is left out of the table because a single long error would widen every line.
 *
 * @example shortRunsTable(await listRuns(conn, { limit: 20, view: 'short' }))
 */
export function shortRunsTable(result: QueryResult, width = RUNS_WIDTH): string {
  const e = result.columns.indexOf('error');
  const table = toTable({ ...result, columns: result.columns.filter((_, i) => i !== e), rows: result.rows.map((r) => r.filter((_, i) => i !== e)) });
  const errors = result.rows.filter((r) => typeof r[e] === 'string' && r[e] !== '').map((r) => cut(`run ${String(r[0])}: ${String(r[e])}`, width - 2));
  const lines = table.trimEnd().split('\n').map((l) => cut(l, width));
  return [...lines, ...(errors.length ? ['errors:', ...errors.map((l) => '  ' + l)] : [])].join('\n') + '\n';
}
