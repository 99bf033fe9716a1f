import type { Migration } from './types.js';

/**
 * Views for people asking their own questions: every result table keeps every run, so a plain
 * `GROUP BY segment` over customer_scores counts each customer once per run. These views pick the
 * latest successful run (latest as-of, then latest run id — the rule the named queries use).
 * Views are bound when queried, so columns later added to customer_scores appear in them.
 */
export const migration: Migration = {
  version: 13,
  name: 'latest_run, latest_scores, customers and latest views of segments, clusters and model fits',
  sql: `
    CREATE OR REPLACE VIEW latest_run AS
      SELECT run_id, as_of, pipeline, started_at, finished_at, customers, rules_name
      FROM runs WHERE status = 'ok' ORDER BY as_of DESC, run_id DESC LIMIT 1;
    CREATE OR REPLACE VIEW latest_scores AS
      SELECT s.* FROM customer_scores s JOIN latest_run r USING (run_id);
    CREATE OR REPLACE VIEW customers AS
      WITH lifetime AS (
        SELECT customer_id,
          min(order_date) FILTER (WHERE NOT is_return) AS first_purchase,
          max(order_date) FILTER (WHERE NOT is_return) AS last_purchase,
          count(DISTINCT order_id) FILTER (WHERE NOT is_return) AS lifetime_orders,
          sum(amount) AS lifetime_net_spend
        FROM transactions GROUP BY customer_id
      )
      SELECT s.*, l.first_purchase, l.last_purchase, l.lifetime_orders, l.lifetime_net_spend
      FROM latest_scores s LEFT JOIN lifetime l USING (customer_id);
    CREATE OR REPLACE VIEW latest_segments AS
      SELECT segment, count(*) AS customers, count(*) / sum(count(*)) OVER () AS share,
        sum(monetary) AS net_spend, avg(recency_days) AS avg_recency_days, avg(frequency) AS avg_orders
      FROM latest_scores GROUP BY segment;
    CREATE OR REPLACE VIEW latest_cluster_profiles AS
      SELECT p.* FROM cluster_profiles p JOIN latest_run r USING (run_id);
    CREATE OR REPLACE VIEW latest_model_fits AS
      SELECT f.* FROM model_fits f JOIN latest_run r USING (run_id);
  `,
};
