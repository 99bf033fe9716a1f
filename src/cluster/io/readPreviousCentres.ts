import type { DuckDBConnection } from '@duckdb/node-api';
import type { CentreSet } from '../clusterCustomers.js';

/**
 * A run's cluster centres in original units and names, row = cluster id, from `cluster_profiles`;
 * null when the run has no clusters (a run from before clustering, or one too small to cluster).
 *
 * @example const previousCentres = await readPreviousCentres(conn, ctx.previousRunId);
 */
export async function readPreviousCentres(conn: DuckDBConnection, runId: number): Promise<(CentreSet & { names: string[] }) | null> {
  const r = await conn.runAndReadAll('SELECT cluster, centre::VARCHAR, name FROM cluster_profiles WHERE run_id = $run ORDER BY cluster', { run: runId });
  const rows = r.getRows();
  if (rows.length === 0) return null;
  const centres = rows.map(([, json]) => JSON.parse(String(json)) as Record<string, number | null>);
  const features = Object.keys(centres[0]!);
  // Ids are 0..k−1, so row c is cluster c; a gap or a centre without a value would misalign them.
  const complete = rows.every(([id], c) => Number(id) === c) && centres.every((centre) => features.every((f) => typeof centre[f] === 'number'));
  if (!complete) return null;
  return { features, values: centres.map((centre) => features.map((f) => centre[f]!)), names: rows.map((row) => String(row[2])) };
}
