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
 * and monetary, the other requested features as `extra`, house accounts, the mean gap between
 * purchase days (NaN for one-timers), and each customer's RFM segment of the
 * run (as indexes into the sorted names of the segments in use; strings stay in DuckDB). Reads
 * the RFM step's staged `rfm_out` and `segment_names`.
 *
 * @example const input = await readClusterInput(conn, ['recency_days', 'frequency', 'monetary', 'tenure_days']);
 */
export async function readClusterInput(conn: DuckDBConnection, features: readonly string[]): Promise<ClusterInput> {
  const unknown = features.filter((f) => FEATURE_SQL[f] === undefined);
  if (unknown.length > 0) {
    throw inputError(`unknown cluster feature ${unknown.join(', ')}: choose from ${Object.keys(FEATURE_SQL).join(', ')}`);
  }
  const names = [...new Set([...RFM, ...features])];
  // NULL reads as 0, so the one-timers' missing gap is NaN in SQL already.
  const columns = await readNumberColumns(
    conn,
    `SELECT ${names.map((f) => `(${FEATURE_SQL[f]})::DOUBLE AS ${f}`).join(', ')},
       house_account::DOUBLE, coalesce(gap_mean, 'NaN'::DOUBLE) FROM customer_summary ORDER BY idx`,
  );
  const byName = Object.fromEntries(names.map((f, j) => [f, columns[j]!]));
  const extra = Object.fromEntries(names.filter((f) => !(RFM as readonly string[]).includes(f)).map((f) => [f, byName[f]!]));
  return {
    recencyDays: byName['recency_days']!,
    frequency: byName['frequency']!,
    monetary: byName['monetary']!,
    extra,
    houseAccount: columns[names.length]!,
    gapMean: columns[names.length + 1]!,
    segment: await readSegments(conn, byName['recency_days']!.length),
  };
}

/**
 * Each customer's segment as its rank among the segment names in use (sorted by DuckDB, as the
 * names are stored). The per-customer codes come from `rfm_out` as numbers and are mapped in JS:
 * only the few names are ranked in SQL.
 */
async function readSegments(conn: DuckDBConnection, n: number): Promise<NonNullable<ClusterInput['segment']>> {
  const [code] = await readNumberColumns(conn, 'SELECT segment_idx::DOUBLE FROM rfm_out ORDER BY idx');
  if (code!.length !== n) throw new Error(`${code!.length} of ${n} customers have RFM scores; the RFM step must run first`);
  const r = await conn.runAndReadAll(
    `SELECT segment_idx, segment FROM segment_names WHERE segment_idx IN (SELECT DISTINCT segment_idx FROM rfm_out) ORDER BY segment`,
  );
  const rows = r.getRows();
  const rankOf = new Map(rows.map(([i], rank) => [Number(i), rank]));
  const index = new Float64Array(n);
  for (let i = 0; i < n; i++) index[i] = rankOf.get(code![i]!)!;
  return { index, names: rows.map(([, s]) => String(s)) };
}
