import { INTEGER, SMALLINT, TINYINT, type DuckDBConnection } from '@duckdb/node-api';
import { appendColumns, readNumberColumns } from '../store/columns.js';
import { scoreCustomers, type RfmResult } from '../rfm/scoreCustomers.js';
import type { RuleSet } from '../rfm/rules.js';

/**
 * Score the customers in `customer_summary` and insert their `customer_scores` rows for a run.
 * Strings never leave DuckDB: the kernel returns numbers by customer index, joined back in SQL.
 */
export async function writeScores(conn: DuckDBConnection, runId: number, asOf: string, rules: RuleSet): Promise<RfmResult> {
  const [recencyDays, frequency, monetary] = await readNumberColumns(
    conn,
    'SELECT recency_days::DOUBLE, frequency::DOUBLE, monetary FROM customer_summary ORDER BY idx',
  );
  const rfm = scoreCustomers({ recencyDays: recencyDays!, frequency: frequency!, monetary: monetary! }, rules);
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE rfm_out (idx INTEGER, r_score TINYINT, f_score TINYINT, m_score TINYINT, segment_idx SMALLINT);
     CREATE OR REPLACE TEMP TABLE segment_names (segment_idx SMALLINT, segment VARCHAR)`,
  );
  const idx = Int32Array.from({ length: rfm.r.length }, (_, i) => i);
  await appendColumns(conn, 'rfm_out', [
    { type: INTEGER, values: idx },
    { type: TINYINT, values: rfm.r },
    { type: TINYINT, values: rfm.f },
    { type: TINYINT, values: rfm.m },
    { type: SMALLINT, values: rfm.segment },
  ]);
  for (const [i, name] of rfm.segments.entries()) {
    await conn.run('INSERT INTO segment_names VALUES ($i, $name)', { i, name });
  }
  await conn.run(
    `INSERT INTO customer_scores BY NAME
     SELECT $run AS run_id, $as_of::DATE AS as_of, s.customer_id, s.first_order, s.last_order, s.recency_days,
       s.frequency, s.monetary, s.returns_amount, s.return_rate, s.tenure_days, s.x, s.t_x, s.T, s.m_bar,
       o.r_score, o.f_score, o.m_score, n.segment
     FROM customer_summary s JOIN rfm_out o USING (idx) JOIN segment_names n USING (segment_idx)`,
    { run: runId, as_of: asOf },
  );
  return rfm;
}
