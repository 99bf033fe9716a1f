import type { Migration } from './types.js';

export const migration: Migration = {
  version: 7,
  name: 'churn risk and CLV: customer_scores model columns, model_fits, backtests',
  sql: `
      -- filled by the models step (README: Churn and CLV); NULL where no model ran
      ALTER TABLE customer_scores ADD COLUMN p_alive DOUBLE;
      ALTER TABLE customer_scores ADD COLUMN churn_risk DOUBLE; -- P(no order within the horizon, default 90 days)
      ALTER TABLE customer_scores ADD COLUMN churn_band VARCHAR; -- 'low' | 'medium' | 'high'
      ALTER TABLE customer_scores ADD COLUMN expected_orders_90d DOUBLE;
      ALTER TABLE customer_scores ADD COLUMN expected_next_order_date DATE; -- median wait; NULL when unlikely within a year
      ALTER TABLE customer_scores ADD COLUMN predicted_spend DOUBLE; -- expected spend per future order (Gamma-Gamma)
      ALTER TABLE customer_scores ADD COLUMN historic_value DOUBLE; -- margin × net spend to date
      ALTER TABLE customer_scores ADD COLUMN value_tier VARCHAR; -- 'top' | 'mid' | 'low' by clv_12m
      ALTER TABLE customer_scores ADD COLUMN churn_reason VARCHAR;
      CREATE TABLE model_fits (
        run_id INTEGER NOT NULL,
        model VARCHAR NOT NULL CHECK (model IN ('bgnbd', 'mbgnbd', 'gammagamma')),
        params JSON, -- {"r","alpha","a","b"} or {"p","q","gamma"}; a, b null at the no-dropout limit; NULL when the fit failed
        log_likelihood DOUBLE,
        n_customers BIGINT NOT NULL,
        time_unit VARCHAR NOT NULL CHECK (time_unit IN ('day', 'week')),
        converged BOOLEAN NOT NULL,
        iterations INTEGER NOT NULL,
        message VARCHAR,
        boundary BOOLEAN NOT NULL DEFAULT false, -- no measurable dropout: the NBD limit is used
        used_for_scoring BOOLEAN NOT NULL DEFAULT false,
        PRIMARY KEY (run_id, model)
      );
      CREATE SEQUENCE backtest_id_seq START 1;
      CREATE TABLE backtests (
        backtest_id INTEGER PRIMARY KEY DEFAULT nextval('backtest_id_seq'),
        run_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
        calibration_end DATE NOT NULL,
        holdout_end DATE NOT NULL,
        model VARCHAR NOT NULL, -- the churn model scored: 'bgnbd' | 'mbgnbd' (or its no-dropout limit, see message)
        time_unit VARCHAR NOT NULL,
        horizon_days INTEGER NOT NULL, -- holdout length: horizon of the expected purchases compared
        churn_horizon_days INTEGER NOT NULL, -- horizon of the churn risk scored (customer_scores.churn_risk)
        customers BIGINT NOT NULL, -- customers with a purchase by calibration_end
        holdout_buyers BIGINT NOT NULL, -- of those, customers with a purchase in (calibration_end, holdout_end]
        actual_purchases DOUBLE NOT NULL, -- purchase days in the holdout
        expected_purchases DOUBLE NOT NULL,
        auc_expected_orders DOUBLE, -- expected orders ranking "ordered in the holdout"
        auc_churn_risk DOUBLE, -- churn risk (P(no order within churn_horizon_days)) ranking "did not order"
        auc_p_alive DOUBLE, -- 1 − P(alive) ranking "did not order"
        baseline_auc DOUBLE, -- recency_days ranking "did not order"
        pearson DOUBLE, -- expected vs actual holdout purchase days
        rmse DOUBLE,
        log_likelihood DOUBLE,
        params JSON,
        message VARCHAR
      );
    `,
};
