import type { DuckDBConnection } from '@duckdb/node-api';
import { runQuery, type Cell } from './runQuery.js';

export type Row = Record<string, Cell>;

/**
 * A query's rows as objects of JSON-ready values (named parameters bound, never pasted).
 *
 * @example const rows = await selectRows(conn, 'SELECT * FROM runs WHERE run_id = $run', { run: 3 });
 */
export async function selectRows(conn: DuckDBConnection, sql: string, params: Record<string, string | number | null> = {}): Promise<Row[]> {
  const { columns, rows } = await runQuery(conn, sql, params);
  return rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? null])));
}

/** A cell as a number; NULL reads 0. */
export const cellNumber = (v: Cell | undefined): number => (v === null || v === undefined ? 0 : Number(v));

/** A cell as a number, NULL kept. */
export const cellNumberOrNull = (v: Cell | undefined): number | null => (v === null || v === undefined ? null : Number(v));

/** A cell as text; NULL reads ''. */
export const cellString = (v: Cell | undefined): string => (v === null || v === undefined ? '' : String(v));
