import type { Migration } from './types.js';

export const migration: Migration = {
  version: 5,
  name: 'customer dynamics: states, lifecycle stages, moves, cohorts, value concentration, KPIs',
  sql: `
    ALTER TABLE customer_scores ADD COLUMN state VARCHAR;
    ALTER TABLE customer_scores ADD COLUMN lifecycle_stage VARCHAR;
    -- 12-month CLV, filled by the churn/CLV step; NULL where no model ran
    ALTER TABLE customer_scores ADD COLUMN clv_12m DOUBLE;
    ALTER TABLE runs ADD COLUMN previous_run_id INTEGER;
    CREATE TABLE segment_moves (
      run_id INTEGER NOT NULL, previous_run_id INTEGER NOT NULL,
      from_segment VARCHAR NOT NULL, to_segment VARCHAR NOT NULL,
      customers BIGINT NOT NULL, clv DOUBLE
    );
    CREATE TABLE state_moves (
      run_id INTEGER NOT NULL, previous_run_id INTEGER NOT NULL,
      from_state VARCHAR NOT NULL, to_state VARCHAR NOT NULL, customers BIGINT NOT NULL
    );
    CREATE TABLE cohort_retention (
      run_id INTEGER NOT NULL, cohort_month DATE NOT NULL, months_since INTEGER NOT NULL,
      customers BIGINT NOT NULL, active BIGINT NOT NULL, share DOUBLE NOT NULL, revenue DOUBLE NOT NULL
    );
    CREATE TABLE value_concentration (
      run_id INTEGER NOT NULL, customer_share DOUBLE NOT NULL, revenue_share DOUBLE, clv_share DOUBLE
    );
    CREATE TABLE kpis (
      run_id INTEGER NOT NULL, kpi VARCHAR NOT NULL, value DOUBLE, previous_value DOUBLE
    );
    CREATE TABLE run_config (run_id INTEGER NOT NULL, section VARCHAR NOT NULL, config JSON NOT NULL);
    -- The customers behind any two runs' movement: SELECT * FROM customer_moves(3, 7)
    CREATE MACRO customer_moves(run_a, run_b) AS TABLE
      SELECT coalesce(b.customer_id, a.customer_id) AS customer_id,
        coalesce(a.segment, 'new') AS from_segment, coalesce(b.segment, '(not in run ' || run_b || ')') AS to_segment,
        coalesce(a.state, 'prospect') AS from_state, b.state AS to_state,
        a.lifecycle_stage AS from_stage, b.lifecycle_stage AS to_stage, b.clv_12m AS clv_12m
      FROM (SELECT * FROM customer_scores WHERE run_id = run_a) a
      FULL JOIN (SELECT * FROM customer_scores WHERE run_id = run_b) b USING (customer_id);
  `,
};
