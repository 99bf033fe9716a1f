import { DEFAULT_K_RANGE } from './chooseK.js';
import { DEFAULT_FIT_SAMPLE, type ClusterConfig } from './clusterCustomers.js';
import { KMEANS_DEFAULTS } from './kmeans.js';

/**
 * The features the weekly run clusters on, all read from the run's customer summary:
 * avg_order_value is monetary ÷ frequency. Recency, frequency and monetary must stay in the list
 * (cluster names are read from them).
 */
export const CLUSTER_FEATURES = [
  'recency_days',
  'frequency',
  'monetary',
  'tenure_days',
  'avg_order_value',
  'return_rate',
] as const;

/**
 * The clustering settings of an analysis run, in one place (README "Clusters" documents them):
 * - kRange [2, 8]: every k is fitted and the highest mean silhouette wins (smaller k on ties);
 * - seed 1: every random choice (fit sample, k-means++ starts, silhouette sample) derives from it,
 *   so the same data give the same clusters;
 * - restarts 4: seeded k-means++ starts per k, the lowest within-cluster sum of squares kept;
 * - sampleSize 2,000: customers in the silhouette sample (cost grows with its square);
 * - fitSampleSize 20,000: customers k is chosen on; the winner then warm-starts one run on all.
 */
export const CLUSTER_DEFAULTS = {
  kRange: DEFAULT_K_RANGE,
  seed: KMEANS_DEFAULTS.seed,
  restarts: KMEANS_DEFAULTS.restarts,
  sampleSize: 2000,
  fitSampleSize: DEFAULT_FIT_SAMPLE,
  features: CLUSTER_FEATURES,
} as const satisfies ClusterConfig;

/** Customers drawn (by a seeded hash of the customer id) for the report's cluster scatter. */
export const SCATTER_SAMPLE = { size: 2000, seed: 1 } as const;
