import type { Migration } from './types.js';

/**
 * Clusters a marketer can act on (README "Clusters"): why k was chosen and the naming cut-offs of
 * each run, the customers set aside before k-means (per customer and as groups), a suggested
 * action and a lift profile per cluster, and the adjusted Rand index between consecutive runs.
 */
export const migration: Migration = {
  version: 19,
  name: 'cluster choice of k, set-aside groups, actions, lift and stability (ARI)',
  sql: `
      ALTER TABLE customer_scores ADD COLUMN cluster_set_aside VARCHAR; -- house_account | no_net_spend | outlier; NULL when clustered
      ALTER TABLE cluster_profiles ADD COLUMN action VARCHAR; -- win_back | second_order | reward | upsell
      ALTER TABLE cluster_profiles ADD COLUMN means JSON; -- feature → the cluster's mean
      ALTER TABLE cluster_profiles ADD COLUMN lift JSON; -- feature → the cluster's mean ÷ the clustered base's mean
      ALTER TABLE cluster_silhouette ADD COLUMN min_share DOUBLE; -- the smallest cluster's share of the fit sample
      ALTER TABLE cluster_silhouette ADD COLUMN eligible BOOLEAN; -- every cluster ≥ the minimum share
      ALTER TABLE cluster_changes ADD COLUMN ari DOUBLE; -- adjusted Rand index on the customers clustered in both runs
      CREATE TABLE cluster_runs (
        run_id INTEGER PRIMARY KEY,
        k INTEGER NOT NULL, -- 0 when nothing was left to cluster
        reason VARCHAR NOT NULL, -- largest_within_tolerance | kept_previous | only_two | none_eligible | fixed
        best_k INTEGER, -- the eligible k with the best silhouette
        tolerance DOUBLE NOT NULL, -- relative: good enough = silhouette ≥ best · (1 − tolerance)
        min_share DOUBLE NOT NULL,
        clustered BIGINT NOT NULL,
        set_aside BIGINT NOT NULL,
        cycle_days DOUBLE, -- the purchase cycle recency is named against
        recent_days DOUBLE, lapsed_days DOUBLE,
        frequent_orders DOUBLE, spend_low DOUBLE, spend_high DOUBLE,
        outlier_fences JSON, -- feature → the value above which a customer is an extreme outlier
        base_means JSON -- feature → mean over the clustered customers
      );
      CREATE TABLE cluster_set_aside (
        run_id INTEGER NOT NULL,
        reason VARCHAR NOT NULL,
        customers BIGINT NOT NULL,
        share DOUBLE, -- of all the run's customers
        revenue_share DOUBLE, -- of all the run's net spend
        median_recency_days DOUBLE, median_frequency DOUBLE, median_monetary DOUBLE,
        PRIMARY KEY (run_id, reason)
      );
    `,
};
