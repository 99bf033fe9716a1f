import type { Migration } from './types.js';

export const migration: Migration = {
  version: 4,
  name: 'k-means clusters: customer_scores.cluster, cluster profiles, silhouette per k, changes between runs',
  sql: `
      ALTER TABLE customer_scores ADD COLUMN cluster INTEGER;
      CREATE TABLE cluster_profiles (
        run_id INTEGER NOT NULL,
        cluster INTEGER NOT NULL, -- 0..k-1, stable from run to run (see README: Clusters)
        name VARCHAR NOT NULL,
        size BIGINT NOT NULL,
        share DOUBLE, -- of the run's customers
        revenue_share DOUBLE, -- of the run's net spend; NULL when that is 0
        mean_recency_days DOUBLE, median_recency_days DOUBLE,
        mean_frequency DOUBLE, median_frequency DOUBLE,
        mean_monetary DOUBLE, median_monetary DOUBLE,
        dominant_segment VARCHAR,
        dominant_segment_share DOUBLE,
        centre JSON NOT NULL, -- feature name → typical value in original units
        previous_cluster INTEGER, -- the previous run's cluster matched to this one; NULL when new
        PRIMARY KEY (run_id, cluster)
      );
      CREATE TABLE cluster_silhouette (
        run_id INTEGER NOT NULL,
        k INTEGER NOT NULL,
        silhouette DOUBLE, -- mean over a seeded sample; NULL when undefined
        wcss DOUBLE, -- within-cluster sum of squares of the fit (standardised units)
        chosen BOOLEAN NOT NULL,
        PRIMARY KEY (run_id, k)
      );
      CREATE TABLE cluster_changes (
        run_id INTEGER PRIMARY KEY,
        previous_run_id INTEGER NOT NULL,
        compared BIGINT NOT NULL, -- customers clustered in both runs
        changed BIGINT NOT NULL -- of those, in a cluster with another id now
      );
    `,
};
