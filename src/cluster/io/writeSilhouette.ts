import type { DuckDBConnection } from '@duckdb/node-api';
import type { KScore } from '../chooseK.js';

/**
 * One `cluster_silhouette` row per k tried: the sampled mean silhouette (NULL when undefined, e.g.
 * a sample holding one cluster), the fit's within-cluster sum of squares, the smallest cluster's
 * share, whether every cluster met the minimum share, and whether k was chosen.
 *
 * @example await writeSilhouette(conn, runId, result.silhouetteByK, result.k);
 */
export async function writeSilhouette(conn: DuckDBConnection, runId: number, scores: readonly KScore[], chosenK: number): Promise<void> {
  for (const s of scores) {
    await conn.run(
      `INSERT INTO cluster_silhouette (run_id, k, silhouette, wcss, chosen, min_share, eligible)
       VALUES ($run, $k, $silhouette, $wcss, $chosen, $min_share, $eligible)`,
      {
      run: runId,
      k: s.k,
      silhouette: Number.isFinite(s.silhouette) ? s.silhouette : null,
      wcss: Number.isFinite(s.wcss) ? s.wcss : null,
      chosen: s.k === chosenK,
      min_share: Number.isFinite(s.minShare) ? s.minShare : null,
      eligible: s.eligible,
      },
    );
  }
}
