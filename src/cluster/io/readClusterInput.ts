import type { DuckDBConnection } from '@duckdb/node-api';
import { readNumberColumns } from '../../store/columns.js';
import { inputError } from '../../util/error.js';
import type { ClusterInput } from '../clusterCustomers.js';

/** How each clustering feature is computed from the temp table `customer_summary`. */
export const FEATURE_SQL: Readonly<Record<string, string>> = {
  recency_days: 'recency_days',
  frequency: 'frequency',
  monetary: 'monetary',
  tenure_days: 'tenure_days',
  // frequency ≥ 1 for every summarised customer; greatest() only guards the division.
  avg_order_value: 'monetary / greatest(frequency, 1)',
  return_rate: 'return_rate',
};

const RFM = ['recency_days', 'frequency', 'monetary'] as const;

/**
 * The run's customers as clustering input, aligned by `customer_summary.idx`: recency, frequency
 * and monetary, the other requested features as `extra`, and each customer's RFM segment of the
 * run (as indexes into the sorted segment names; strings stay in DuckDB).
 *
 * @example const input = await readClusterInput(conn, runId, ['recency_days', 'frequency', 'monetary', 'tenure_days']);
 */
export async function readClusterInput(conn: DuckDBConnection, runId: number, features: readonly string[]): Promise<ClusterInput> {
  const unknown = features.filter((f) => FEATURE_SQL[f] === undefined);
  if (unknown.length > 0) {
    throw inputError(`unknown cluster feature ${unknown.join(', ')}: choose from ${Object.keys(FEATURE_SQL).join(', ')}`);
  }
  const names = [...new Set([...RFM, ...features])];
  const columns = await readNumberColumns(
    conn,
    `SELECT ${names.map((f) => `(${FEATURE_SQL[f]})::DOUBLE AS ${f}`).join(', ')} FROM customer_summary ORDER BY idx`,
  );
  const byName = Object.fromEntries(names.map((f, j) => [f, columns[j]!]));
  const extra = Object.fromEntries(names.filter((f) => !(RFM as readonly string[]).includes(f)).map((f) => [f, byName[f]!]));
  return {
    recencyDays: byName['recency_days']!,
    frequency: byName['frequency']!,
    monetary: byName['monetary']!,
    extra,
    segment: await readSegments(conn, runId, byName['recency_days']!.length),
  };
}

async function readSegments(conn: DuckDBConnection, runId: number, n: number): Promise<NonNullable<ClusterInput['segment']>> {
  const run = Number(runId);
  const [index] = await readNumberColumns(
    conn,
    `SELECT (dense_rank() OVER (ORDER BY c.segment) - 1)::INTEGER
     FROM customer_summary s JOIN customer_scores c ON c.run_id = ${run} AND c.customer_id = s.customer_id
     ORDER BY s.idx`,
  );
  if (index!.length !== n) throw new Error(`run ${run}: ${index!.length} of ${n} customers have a customer_scores row; the RFM step must run first`);
  const r = await conn.runAndReadAll('SELECT DISTINCT segment FROM customer_scores WHERE run_id = $run ORDER BY segment', { run });
  return { index: index!, names: r.getRows().map(([s]) => String(s)) };
}
