import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * The per-customer columns the steps stage by `customer_summary.idx`, and how each joins: RFM and
 * states exist for every customer; models and clusters may be skipped (their columns stay NULL).
 */
const STAGED = [
  { name: 'rfm_columns', join: 'JOIN' },
  { name: 'model_columns', join: 'LEFT JOIN' },
  { name: 'state_columns', join: 'JOIN' },
  { name: 'cluster_columns', join: 'LEFT JOIN' },
] as const;

/** Temp tables and views behind the staged columns, dropped once written (views first). */
const CLEANUP = `DROP VIEW IF EXISTS rfm_columns; DROP VIEW IF EXISTS model_columns;
  DROP TABLE IF EXISTS rfm_out; DROP TABLE IF EXISTS segment_names; DROP TABLE IF EXISTS model_out;
  DROP TABLE IF EXISTS model_reasons; DROP TABLE IF EXISTS state_columns; DROP TABLE IF EXISTS cluster_columns`;

/**
 * Insert the run's customer_scores rows once, with every column: the summary's, joined by idx with
 * the columns each step staged. One INSERT instead of an INSERT and an UPDATE per step: updating a
 * million rows inside the run's transaction costs DuckDB far more than writing them whole.
 *
 * @example await writeCustomerScores(conn, runId, '2024-12-29');
 */
export async function writeCustomerScores(conn: DuckDBConnection, runId: number, asOf: string): Promise<void> {
  const n = Number((await conn.runAndReadAll('SELECT count(*) FROM customer_summary')).getRows()[0]![0]);
  // Beyond a million customers, in slices: four joins over ten million customers at once outgrew
  // a 1 GB buffer cap. A slice's hash tables stay small, and the staged tables are in idx order,
  // so each slice reads only its own blocks. (One slice is written without the filters: 0.5 s less.)
  const slice = SCORES_WRITE.slice;
  const sliced = n > slice;
  const from = (table: string): string => (sliced ? `(SELECT * FROM ${table} WHERE idx >= $lo AND idx < $hi)` : table);
  const joins = STAGED.map(({ name, join }, i) => `${join} ${from(name)} c${i} USING (idx)`).join('\n       ');
  const staged = STAGED.map((_, i) => `c${i}.* EXCLUDE (idx)`).join(', ');
  for (let lo = 0; lo < Math.max(n, 1); lo += slice) {
    await conn.run(
      `INSERT INTO customer_scores BY NAME
       SELECT $run AS run_id, $as_of::DATE AS as_of, s.customer_id, s.first_order, s.last_order, s.recency_days,
         s.frequency, s.monetary, s.returns_amount, s.return_rate, s.tenure_days, s.x, s.t_x, s.T, s.m_bar, ${staged}
       FROM ${from('customer_summary')} s
       ${joins}`,
      { run: runId, as_of: asOf, ...(sliced ? { lo, hi: lo + slice } : {}) },
    );
  }
  await conn.run(CLEANUP);
}

/** Customers written per statement (a setting so tests can exercise several slices on small data). */
export const SCORES_WRITE = { slice: 1_000_000 };
