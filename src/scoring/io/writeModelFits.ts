import type { DuckDBConnection } from '@duckdb/node-api';
import type { FitRecord } from '../fitModels.js';

/**
 * Insert a run's model_fits rows, one per model fitted.
 *
 * @example await writeModelFits(conn, runId, fitted.fits);
 */
export async function writeModelFits(conn: DuckDBConnection, runId: number, fits: readonly FitRecord[]): Promise<void> {
  for (const f of fits) {
    await conn.run(
      `INSERT INTO model_fits (run_id, model, params, log_likelihood, n_customers, time_unit, converged, iterations, message, boundary, used_for_scoring)
       VALUES ($run, $model, $params::JSON, $ll, $n, $unit, $converged, $iterations, $message, $boundary, $scoring)`,
      {
        run: runId,
        model: f.model,
        params: f.params === null ? null : JSON.stringify(f.params),
        ll: f.logLikelihood,
        n: f.nCustomers,
        unit: f.timeUnit,
        converged: f.converged,
        iterations: f.iterations,
        message: f.message || null,
        boundary: f.boundary,
        scoring: f.scoring,
      },
    );
  }
}
