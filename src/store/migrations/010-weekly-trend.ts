import type { Migration } from './types.js';

export const migration: Migration = {
  version: 10,
  name: 'weekly trend per run; KPIs say their window and what their change compares with',
  sql: `
      -- One row per week of the run's trend (README "Weekly trend"): weeks end on the as-of date's
      -- weekday, the last one on the as-of date itself, so four weeks are exactly the KPI window.
      CREATE TABLE weekly_trend (
        run_id INTEGER NOT NULL,
        week_start DATE NOT NULL,
        week_end DATE NOT NULL,
        net_revenue DOUBLE NOT NULL,
        orders BIGINT NOT NULL,
        active_customers BIGINT NOT NULL,
        new_customers BIGINT NOT NULL,
        returning_customers BIGINT NOT NULL,
        aov DOUBLE
      );
      -- window_days: the days the KPI counts over, NULL for a to-date KPI. compared_with:
      -- 'previous_window' (the equal window just before), 'window_start' (the same to-date KPI at the
      -- start of the KPI window) or 'previous_run'; NULL on rows written before this migration,
      -- whose previous_value is the previous run's value.
      ALTER TABLE kpis ADD COLUMN window_days INTEGER;
      ALTER TABLE kpis ADD COLUMN compared_with VARCHAR;
    `,
};
