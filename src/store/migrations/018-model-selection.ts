import type { Migration } from './types.js';

/**
 * Model selection per run (README "Model selection"): the Pareto/NBD joins the fitted models, so
 * model_fits loses its list of allowed names (DuckDB cannot drop a CHECK, so the table is rebuilt
 * with its rows); model_selection keeps each run's choice, the candidates' holdout scores, the
 * reason and the evidence charts' data; backtests gain the churn probability's Brier score and
 * calibration error, the selection it used and the evidence of its holdout.
 */
export const migration: Migration = {
  version: 18,
  name: 'model selection: Pareto/NBD in model_fits, model_selection, backtest calibration',
  sql: `
    DROP VIEW IF EXISTS latest_model_fits;
    CREATE TABLE model_fits_018 (
      run_id INTEGER NOT NULL,
      model VARCHAR NOT NULL, -- 'bgnbd' | 'mbgnbd' | 'pnbd' | 'gammagamma'
      params JSON, -- {"r","alpha","a","b"}, {"r","alpha","s","beta"} or {"p","q","gamma"}; the dropout pair null at the no-dropout limit; NULL when the fit failed
      log_likelihood DOUBLE,
      n_customers BIGINT NOT NULL,
      time_unit VARCHAR NOT NULL CHECK (time_unit IN ('day', 'week')),
      converged BOOLEAN NOT NULL,
      iterations INTEGER NOT NULL,
      message VARCHAR,
      boundary BOOLEAN NOT NULL DEFAULT false,
      used_for_scoring BOOLEAN NOT NULL DEFAULT false,
      PRIMARY KEY (run_id, model)
    );
    INSERT INTO model_fits_018 SELECT run_id, model, params, log_likelihood, n_customers, time_unit, converged, iterations, message, boundary, used_for_scoring FROM model_fits;
    DROP TABLE model_fits;
    ALTER TABLE model_fits_018 RENAME TO model_fits;
    CREATE OR REPLACE VIEW latest_model_fits AS
      SELECT f.* FROM model_fits f JOIN latest_run r USING (run_id);
    CREATE TABLE model_selection (
      run_id INTEGER PRIMARY KEY,
      setting VARCHAR NOT NULL, -- models.scoringModel of the run: 'auto' or the model forced
      chosen VARCHAR, -- the model whose scores fill customer_scores; NULL when none could be fitted
      holdout_days INTEGER, -- the most recent stretch held out; NULL when selection did not run
      customers BIGINT, -- customers who had bought before the holdout (house accounts left out)
      holdout_buyers BIGINT, -- of those, customers who bought in the holdout
      reason VARCHAR NOT NULL, -- the rule's outcome in a sentence, or why selection did not run
      candidates JSON, -- per candidate: calibration fit and holdout scores (see README)
      evidence JSON, -- the chosen model on the holdout: byFrequency, tracking, reliability
      spend_correlation DOUBLE -- Pearson(x, m̄) of repeat buyers: the Gamma-Gamma assumes none (README)
    );
    ALTER TABLE backtests ADD COLUMN brier DOUBLE; -- churn risk vs "did not order within the churn horizon"
    ALTER TABLE backtests ADD COLUMN calibration_error DOUBLE; -- mean |predicted − observed| over risk deciles
    ALTER TABLE backtests ADD COLUMN selection JSON; -- the selection run inside the calibration period ('auto')
    ALTER TABLE backtests ADD COLUMN evidence JSON; -- byFrequency, tracking, reliability over the holdout
    ALTER TABLE backtests ADD COLUMN spend_correlation DOUBLE; -- Pearson(x, m̄) of repeat buyers at the calibration end
  `,
};
