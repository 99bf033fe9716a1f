import type { RfmInput } from '../rfm/scoreCustomers.js';
import { inputError } from '../util/error.js';
import { chooseK, type KScore } from './chooseK.js';
import { countChanged, type ChangeCount } from './countChanged.js';
import { buildFeatures, featureSpecs, type FeatureScale } from './features.js';
import { kmeans, KMEANS_DEFAULTS } from './kmeans.js';
import { gatherRows } from './points.js';
import { profileClusters, type ClusterProfile, type SegmentLabels } from './profile.js';
import { deriveSeed, mulberry32, sampleIndices } from './random.js';
import { permuteRows, relabel } from './relabel.js';
import { toOriginalUnits, toStandardized } from './scale.js';
import { stableIds } from './stableIds.js';
import type { Transform } from './transform.js';

/**
 * Cluster centres in ORIGINAL units (days, orders, money…), row i = cluster id i. This is the
 * form to store between runs: standardised coordinates drift as the customer base changes, the
 * original units do not.
 */
export interface CentreSet {
  features: string[];
  values: number[][];
}

/** Per-customer inputs, aligned by customer index. */
export interface ClusterInput extends RfmInput {
  /** More features by name, e.g. tenure_days, avg_order_value, return_rate. */
  extra?: Readonly<Record<string, Float64Array>>;
  /** Each customer's RFM segment, for the dominant segment of each cluster. */
  segment?: SegmentLabels;
  /** Last run's cluster id per customer (−1 for customers it did not have), to count changes. */
  previousLabels?: Int32Array;
}

/** How to cluster; every field has a default. */
export interface ClusterConfig {
  /** k to try, inclusive (default [2, 8]); the best mean silhouette wins. */
  kRange?: readonly [number, number];
  /** Use this k instead of searching. */
  fixedK?: number;
  /** Seed of every random choice (default 1): same data + config + seed → same result. */
  seed?: number;
  /** k-means++ starts per k (default 4). */
  restarts?: number;
  /** Points in the silhouette sample (default 2000). */
  sampleSize?: number;
  /** Customers k is chosen on (default 20,000); the chosen fit then seeds one run on everyone. */
  fitSampleSize?: number;
  maxIterations?: number;
  tolerance?: number;
  /** Features to cluster on (default: recency_days, frequency, monetary and every `extra`). */
  features?: readonly string[];
  /** Transforms for features beyond the defaults (see DEFAULT_TRANSFORMS). */
  transforms?: Readonly<Record<string, Transform>>;
  /** Last run's `centres`: matching clusters keep last run's ids. */
  previousCentres?: CentreSet;
}

/** Clusters and what they mean. */
export interface ClusterResult {
  k: number;
  /** Cluster id (0..k−1) per customer. */
  labels: Int32Array;
  centres: CentreSet;
  /** Silhouette and WCSS of each k tried, on the fit sample. */
  silhouetteByK: KScore[];
  profiles: ClusterProfile[];
  /** previousId[id] = last run's id matched to cluster `id`, −1 if new; only with previousCentres. */
  previousId?: Int32Array;
  /** Customers now in another cluster than last run; only with previousLabels. */
  changed?: ChangeCount;
  /** Means and sds of this run's standardisation. */
  scale: FeatureScale;
  /** The final fit on all customers. */
  fit: { wcss: number; iterations: number; converged: boolean };
}

export const DEFAULT_FIT_SAMPLE = 20_000;

/**
 * Segment customers by k-means on standardised, log-transformed RFM (and optional) features.
 *
 * k is chosen on a seeded subsample (fitSampleSize): each k in the range is fitted with seeded
 * k-means++ restarts and scored by sampled silhouette. The winner's centres then warm-start a
 * single Lloyd run on all customers, which converges in a few passes. Ids are made stable against
 * last run's centres when given, else ordered by mean spend (0 = highest). Memory is linear in n.
 *
 * @example
 * const result = clusterCustomers({ recencyDays, frequency, monetary, segment }, { kRange: [2, 8], seed: 1 });
 * result.profiles.map((p) => `${p.id} ${p.name} ${p.size}`);
 */
export function clusterCustomers(input: ClusterInput, config: ClusterConfig = {}): ClusterResult {
  const matrix = buildFeatures(featureSpecs(selectFeatures(input, config.features), config.transforms));
  const { n, d, scale } = matrix;
  if (input.previousLabels && input.previousLabels.length !== n) {
    throw inputError(`previous labels cover ${input.previousLabels.length} customers, this run has ${n}: align them by customer, −1 for new ones`);
  }
  const seed = config.seed ?? KMEANS_DEFAULTS.seed;
  const maxIterations = config.maxIterations ?? KMEANS_DEFAULTS.maxIterations;
  const tolerance = config.tolerance ?? KMEANS_DEFAULTS.tolerance;
  const fitRows = sampleIndices(n, config.fitSampleSize ?? DEFAULT_FIT_SAMPLE, mulberry32(deriveSeed(seed, 1)));
  const sample = fitRows.length === n ? matrix : gatherRows(matrix, fitRows);
  const chosen = chooseK(sample, {
    kRange: config.kRange,
    fixedK: config.fixedK,
    restarts: config.restarts,
    sampleSize: config.sampleSize,
    seed,
    maxIterations,
    tolerance,
  });
  const fit =
    sample === matrix ? chosen.fit : kmeans(matrix, { k: chosen.k, initialCentres: chosen.fit.centres, maxIterations, tolerance });
  const previous = config.previousCentres && previousInThisSpace(config.previousCentres, scale);
  const ids = stableIds({ centres: fit.centres, k: fit.k, d, labels: fit.labels, monetary: input.monetary, previous });
  const labels = relabel(fit.labels, ids.idOf);
  const centres = permuteRows(fit.centres, d, ids.idOf);
  const profiles = profileClusters({
    recencyDays: input.recencyDays,
    frequency: input.frequency,
    monetary: input.monetary,
    labels,
    k: fit.k,
    centres,
    scale,
    ...(input.segment && { segment: input.segment }),
  });
  const original = toOriginalUnits(scale, centres);
  const result: ClusterResult = {
    k: fit.k,
    labels,
    centres: { features: [...scale.names], values: Array.from({ length: fit.k }, (_, c) => Array.from(original.subarray(c * d, c * d + d))) },
    silhouetteByK: chosen.scores,
    profiles,
    scale,
    fit: { wcss: fit.wcss, iterations: fit.iterations, converged: fit.converged },
  };
  if (previous) result.previousId = ids.previousId;
  if (input.previousLabels) {
    result.changed = countChanged(input.previousLabels, labels);
  }
  return result;
}

function selectFeatures(input: ClusterInput, names: readonly string[] | undefined): Record<string, Float64Array> {
  const columns: Record<string, Float64Array> = {
    recency_days: input.recencyDays,
    frequency: input.frequency,
    monetary: input.monetary,
    ...input.extra,
  };
  const wanted = names ?? Object.keys(columns);
  return Object.fromEntries(
    wanted.map((name) => {
      const values = columns[name];
      if (!values) throw inputError(`cluster feature "${name}" is not among the inputs (${Object.keys(columns).join(', ')})`);
      return [name, values];
    }),
  );
}

/** Last run's centres reordered to this run's features and standardised with this run's scale. */
function previousInThisSpace(previous: CentreSet, scale: FeatureScale): Float64Array {
  const at = scale.names.map((name) => previous.features.indexOf(name));
  if (at.some((j) => j < 0) || previous.features.length !== scale.names.length) {
    throw inputError(
      `previous centres are on features [${previous.features.join(', ')}] but this run clusters on [${scale.names.join(', ')}]: ` +
        'use the same features, or drop previousCentres to start ids afresh',
    );
  }
  const d = scale.names.length;
  const flat = new Float64Array(previous.values.length * d);
  previous.values.forEach((row, c) => at.forEach((j, x) => (flat[c * d + x] = row[j]!)));
  return toStandardized(scale, flat);
}
