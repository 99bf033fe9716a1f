import { INTEGER, SMALLINT, TINYINT, VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import { appendColumns, readNumberColumns } from '../store/columns.js';
import { scoreCustomers, type RfmResult } from '../rfm/scoreCustomers.js';
import type { RuleSet } from '../rfm/rules.js';

/**
 * Score the customers in `customer_summary` and stage their RFM columns for the run's single
 * customer_scores write (writeCustomerScores): the temp table `rfm_out` by idx, the segment names
 * in `segment_names`, and the view `rfm_columns` (idx, r_score, f_score, m_score, segment).
 * Strings never leave DuckDB: the kernel returns numbers by customer index, joined back in SQL.
 */
export async function stageRfmColumns(conn: DuckDBConnection, rules: RuleSet): Promise<RfmResult> {
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
  await appendColumns(conn, 'segment_names', [
    { type: SMALLINT, values: Int16Array.from(rfm.segments, (_, i) => i) },
    { type: VARCHAR, values: rfm.segments },
  ]);
  await conn.run(
    `CREATE OR REPLACE TEMP VIEW rfm_columns AS
     SELECT o.idx, o.r_score, o.f_score, o.m_score, n.segment FROM rfm_out o JOIN segment_names n USING (segment_idx)`,
  );
  return rfm;
}
