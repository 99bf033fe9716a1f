import { INTEGER, SMALLINT, TINYINT, VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import { appendColumns, readNumberColumns } from '../store/columns.js';
import { scoreCustomers, type RfmResult } from '../rfm/scoreCustomers.js';
import type { RuleSet } from '../rfm/rules.js';
import { HOUSE_SEGMENT } from '../house/config.js';

/**
 * Score the customers in `customer_summary` and stage their RFM columns for the run's single
 * customer_scores write (writeCustomerScores): the temp table `rfm_out` by idx, the segment names
 * in `segment_names`, and the view `rfm_columns` (idx, r_score, f_score, m_score, segment,
 * house_account). Strings never leave DuckDB: the kernel returns numbers by customer index, joined
 * back in SQL. The run's house accounts (table house_accounts, written by the house step) keep
 * their scores but get the segment 'House account' instead of a rule's: a marketplace operator
 * must never be the top Champion a manager calls.
 */
export async function stageRfmColumns(conn: DuckDBConnection, rules: RuleSet, runId: number): Promise<RfmResult> {
  const [recencyDays, frequency, monetary] = await readNumberColumns(
    conn,
    'SELECT recency_days::DOUBLE, frequency::DOUBLE, monetary FROM customer_summary ORDER BY idx',
  );
  const rfm = withHouseSegment(
    scoreCustomers({ recencyDays: recencyDays!, frequency: frequency!, monetary: monetary! }, rules),
    await houseIdx(conn, runId),
  );
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
  // the house segment, when there is one, is the last name (withHouseSegment); -1 matches nobody
  const house = rfm.segments.length - 1 === rfm.houseSegment ? rfm.houseSegment : -1;
  await conn.run(
    `CREATE OR REPLACE TEMP VIEW rfm_columns AS
     SELECT o.idx, o.r_score, o.f_score, o.m_score, n.segment, o.segment_idx = ${house} AS house_account
     FROM rfm_out o JOIN segment_names n USING (segment_idx)`,
  );
  return rfm;
}

/** The customer_summary idx of the run's house accounts (table house_accounts, written by the house step). */
async function houseIdx(conn: DuckDBConnection, runId: number): Promise<Float64Array> {
  const [idx] = await readNumberColumns(
    conn,
    `SELECT s.idx::DOUBLE FROM customer_summary s SEMI JOIN (SELECT customer_id FROM house_accounts WHERE run_id = ${Number(runId)}) h USING (customer_id) ORDER BY s.idx`,
  );
  return idx ?? new Float64Array(0);
}

/**
 * The RFM result with the house accounts moved to the segment HOUSE_SEGMENT, added as the last
 * name (houseSegment, -1 when there are none). Scores and bin edges are unchanged: a house
 * account still counts in the quantiles (one customer among many moves an edge by little).
 *
 * @example withHouseSegment(rfm, Float64Array.of(7)).segments.at(-1) // 'House account'
 */
export function withHouseSegment(rfm: RfmResult, house: Float64Array): RfmResult & { houseSegment: number } {
  if (house.length === 0) return { ...rfm, houseSegment: -1 };
  const houseSegment = rfm.segments.length;
  const segment = Int16Array.from(rfm.segment);
  for (const i of house) segment[i] = houseSegment;
  return { ...rfm, segment, segments: [...rfm.segments, HOUSE_SEGMENT], houseSegment };
}
