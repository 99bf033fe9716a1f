import { K_CHOICE } from './chooseK.js';
import { DEFAULT_FIT_SAMPLE, type ClusterConfig } from './clusterCustomers.js';
import { KMEANS_DEFAULTS } from './kmeans.js';

/**
 * The features the weekly run clusters on, all read from the run's customer summary. Recency,
 * frequency and monetary must stay in the list (cluster names are read from them); tenure tells
 * new customers from old ones of the same recency. Return rate and average order value are
 * described (lift) but not clustered on: most customers return nothing, and that spike at 0 split
 * off a 2% "returners" cluster; order value is spend ÷ orders, which the two already carry.
 */
export const CLUSTER_FEATURES = ['recency_days', 'frequency', 'monetary', 'tenure_days'] as const;

/** The features each cluster's profile gives the lift of (avg_order_value = monetary ÷ frequency). */
export const PROFILE_FEATURES = [...CLUSTER_FEATURES, 'avg_order_value', 'return_rate'] as const;

/**
 * The clustering settings of an analysis run, in one place (README "Clusters" documents them):
 * - kRange [3, 8], tolerance 0.1, minShare 0.02: the largest k whose every cluster holds ≥ 2% of
 *   the clustered customers and whose mean silhouette is ≥ 90% of the best such k's (last run's k
 *   is kept while it qualifies; k = 2 only when no k of the range qualifies) — see chooseK;
 * - seed 1: every random choice (fit sample, k-means++ starts, silhouette sample) derives from it,
 *   so the same data give the same clusters;
 * - restarts 2: seeded k-means++ starts per k, the lowest within-cluster sum of squares kept (on
 *   the bench's 1M customers 4 starts found the same fits for every k and cost 0.1 s more);
 * - sampleSize 2,000: customers in the silhouette sample (cost grows with its square);
 * - fitSampleSize 10,000: customers k is chosen on; the winner then warm-starts one run on all.
 */
export const CLUSTER_DEFAULTS = {
  kRange: K_CHOICE.kRange,
  tolerance: K_CHOICE.tolerance,
  minShare: K_CHOICE.minShare,
  seed: KMEANS_DEFAULTS.seed,
  restarts: 2,
  sampleSize: 2000,
  fitSampleSize: DEFAULT_FIT_SAMPLE,
  features: CLUSTER_FEATURES,
} as const satisfies ClusterConfig;

/** Customers drawn (by a seeded hash of the customer id) for the report's cluster scatter. */
export const SCATTER_SAMPLE = { size: 2000, seed: 1 } as const;
