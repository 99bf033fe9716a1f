import type { RfmInput } from '../rfm/scoreCustomers.js';
import { inputError } from '../util/error.js';
import { chooseK, DEFAULT_K_RANGE, K_CHOICE, type KReason, type KScore } from './chooseK.js';
import { countChanged, type ChangeCount } from './countChanged.js';
import { buildFeatures, featureSpecs, type FeatureScale } from './features.js';
import { kmeans, KMEANS_DEFAULTS } from './kmeans.js';
import { featureLift } from './lift.js';
import { namingThresholds, type NamingThresholds } from './nameRules.js';
import { parseClusterName, type ClusterNameParts } from './names.js';
import { gatherRows } from './points.js';
import { profileClusters, type ClusterProfile, type SegmentLabels } from './profile.js';
import { deriveSeed, mulberry32, sampleIndices } from './random.js';
import { permuteRows, relabel } from './relabel.js';
import { toOriginalUnits, toStandardized } from './scale.js';
import { setAside } from './setAside.js';
import { setAsideGroups, type SetAsideGroup } from './setAsideGroups.js';
import { fitRange, keptInput } from './keptInput.js';
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
  /** Last run's cluster id per customer (−1 for customers it did not have or set aside), to count changes. */
  previousLabels?: Int32Array;
  /** 1 for house accounts (set aside), else 0. */
  houseAccount?: ArrayLike<number>;
  /** Mean gap between purchase days (NaN for one-timers): the purchase cycle names are read against. */
  gapMean?: Float64Array;
}

/** How to cluster; every field has a default. */
export interface ClusterConfig {
  /** k to try, inclusive (default [3, 8]); see chooseK for the rule. */
  kRange?: readonly [number, number];
  /** Use this k instead of searching. */
  fixedK?: number;
  /** Relative silhouette tolerance of the choice of k (default 0.1). */
  tolerance?: number;
  /** Smallest share of the clustered customers every cluster of an eligible k holds (default 0.02). */
  minShare?: number;
  /** Seed of every random choice (default 1): same data + config + seed → same result. */
  seed?: number;
  /** k-means++ starts per k (default 4). */
  restarts?: number;
  /** Points in the silhouette sample (default 2000). */
  sampleSize?: number;
  /** Customers k is chosen on (default 10,000); the chosen fit then seeds one run on everyone. */
  fitSampleSize?: number;
  maxIterations?: number;
  /** Lloyd's stop rule: no centre moved more than this squared distance. */
  convergence?: number;
  /** Features to cluster on (default: recency_days, frequency, monetary and every `extra`). */
  features?: readonly string[];
  /** Transforms for features beyond the defaults (see DEFAULT_TRANSFORMS). */
  transforms?: Readonly<Record<string, Transform>>;
  /** Last run's `centres`: matching clusters keep last run's ids. */
  previousCentres?: CentreSet;
  /** Last run's stored names by cluster id: matched clusters keep their words within the hysteresis. */
  previousNames?: readonly string[];
}

/** Clusters and what they mean. */
export interface ClusterResult {
  /** 0 when too few customers were left to cluster. */
  k: number;
  /** Cluster id (0..k−1) per customer, −1 for those set aside. */
  labels: Int32Array;
  centres: CentreSet;
  /** Every k tried, on the fit sample: silhouette, WCSS, smallest share, eligibility. */
  silhouetteByK: KScore[];
  /** Why this k (chooseK). */
  choice: { reason: KReason; bestK: number | null; tolerance: number; minShare: number };
  profiles: ClusterProfile[];
  /** Customers kept out of k-means, by reason, and the outlier fences. */
  setAside: { code: Uint8Array; groups: SetAsideGroup[]; fences: Record<string, number> };
  /** The run's naming cut-offs. */
  thresholds: NamingThresholds;
  /** Mean of every described feature over the clustered customers (the base lift compares with). */
  baseMeans: Record<string, number>;
  /** previousId[id] = last run's id matched to cluster `id`, −1 if new; only with previousCentres. */
  previousId?: Int32Array;
  /** Customers now in another cluster than last run, and the adjusted Rand index; only with previousLabels. */
  changed?: ChangeCount;
  /** Means and sds of this run's standardisation. */
  scale: FeatureScale;
  /** The final fit on all clustered customers. */
  fit: { wcss: number; iterations: number; converged: boolean };
}

export const DEFAULT_FIT_SAMPLE = 10_000;

/**
 * Segment customers by k-means on standardised, log-transformed RFM (and optional) features.
 *
 * First the customers that would distort the geometry are set aside as named groups (house
 * accounts, no net spend, extreme outliers: setAside.ts). k is chosen on a seeded subsample of
 * the rest (fitSampleSize) by chooseK's rule; the winner's centres then warm-start a single Lloyd
 * run on all of them, which converges in a few passes. Ids are made stable against last run's
 * centres when given, else ordered by mean spend (0 = highest); names follow absolute cut-offs
 * with hysteresis (nameRules.ts). Memory is linear in n.
 *
 * @example
 * const result = clusterCustomers({ recencyDays, frequency, monetary, segment }, { seed: 1 });
 * result.profiles.map((p) => `${p.id} ${p.name} ${p.size} ${p.action}`);
 */
export function clusterCustomers(input: ClusterInput, config: ClusterConfig = {}): ClusterResult {
  const n = input.monetary.length;
  if (input.previousLabels && input.previousLabels.length !== n) {
    throw inputError(`previous labels cover ${input.previousLabels.length} customers, this run has ${n}: align them by customer, −1 for new ones`);
  }
  const aside = setAside(input);
  const groups = setAsideGroups(aside.code, input);
  const kept = keptInput(input, aside.kept);
  const describe = allColumns(kept);
  const matrix = buildFeatures(featureSpecs(selectFeatures(kept, config.features), config.transforms));
  const { d, scale } = matrix;
  const thresholds = namingThresholds(kept.frequency, kept.monetary, kept.gapMean);
  const tolerance = config.tolerance ?? K_CHOICE.tolerance;
  const minShare = config.minShare ?? K_CHOICE.minShare;
  const labels = new Int32Array(n).fill(-1);
  if (matrix.n < (config.fixedK ?? 2)) {
    return emptyResult({ labels, aside, groups, thresholds, scale, describe, tolerance, minShare });
  }
  const seed = config.seed ?? KMEANS_DEFAULTS.seed;
  const maxIterations = config.maxIterations ?? KMEANS_DEFAULTS.maxIterations;
  const convergence = config.convergence ?? KMEANS_DEFAULTS.tolerance;
  const fitRows = sampleIndices(matrix.n, config.fitSampleSize ?? DEFAULT_FIT_SAMPLE, mulberry32(deriveSeed(seed, 1)));
  const sample = fitRows.length === matrix.n ? matrix : gatherRows(matrix, fitRows);
  const previous = config.previousCentres && previousInThisSpace(config.previousCentres, scale);
  const chosen = chooseK(sample, {
    kRange: fitRange(config.kRange ?? DEFAULT_K_RANGE, matrix.n),
    fixedK: config.fixedK,
    tolerance,
    minShare,
    previousK: config.previousCentres?.values.length,
    restarts: config.restarts,
    sampleSize: config.sampleSize,
    seed,
    maxIterations,
    convergence,
  });
  const fit =
    sample === matrix ? chosen.fit : kmeans(matrix, { k: chosen.k, initialCentres: chosen.fit.centres, maxIterations, tolerance: convergence });
  const ids = stableIds({ centres: fit.centres, k: fit.k, d, labels: fit.labels, monetary: kept.monetary, previous });
  const keptLabels = relabel(fit.labels, ids.idOf);
  const centres = permuteRows(fit.centres, d, ids.idOf);
  const previousParts = previous && config.previousNames ? partsById(ids.previousId, config.previousNames) : undefined;
  const profiles = profileClusters({
    recencyDays: kept.recencyDays,
    frequency: kept.frequency,
    monetary: kept.monetary,
    labels: keptLabels,
    k: fit.k,
    centres,
    scale,
    thresholds,
    describe,
    ...(previousParts && { previousParts }),
    ...(kept.segment && { segment: kept.segment }),
  });
  aside.kept.forEach((i, s) => (labels[i] = keptLabels[s]!));
  const original = toOriginalUnits(scale, centres);
  const result: ClusterResult = {
    k: fit.k,
    labels,
    centres: { features: [...scale.names], values: Array.from({ length: fit.k }, (_, c) => Array.from(original.subarray(c * d, c * d + d))) },
    silhouetteByK: chosen.scores,
    choice: { reason: chosen.reason, bestK: chosen.bestK, tolerance, minShare },
    profiles,
    setAside: { code: aside.code, groups, fences: aside.fences },
    thresholds,
    baseMeans: featureLift(describe, keptLabels, fit.k).base,
    scale,
    fit: { wcss: fit.wcss, iterations: fit.iterations, converged: fit.converged },
  };
  if (previous) result.previousId = ids.previousId;
  if (input.previousLabels) result.changed = countChanged(input.previousLabels, labels);
  return result;
}

/** Last run's name parts per this run's id, through the centre matching. */
function partsById(previousId: Int32Array, names: readonly string[]): (ClusterNameParts | undefined)[] {
  return Array.from(previousId, (old) => (old >= 0 && names[old] !== undefined ? (parseClusterName(names[old]!) ?? undefined) : undefined));
}

/** Nothing left to cluster: every customer set aside (or fewer customers than clusters). */
function emptyResult(x: {
  labels: Int32Array;
  aside: ReturnType<typeof setAside>;
  groups: SetAsideGroup[];
  thresholds: NamingThresholds;
  scale: FeatureScale;
  describe: Record<string, Float64Array>;
  tolerance: number;
  minShare: number;
}): ClusterResult {
  return {
    k: 0,
    labels: x.labels,
    centres: { features: [...x.scale.names], values: [] },
    silhouetteByK: [],
    choice: { reason: 'none_eligible', bestK: null, tolerance: x.tolerance, minShare: x.minShare },
    profiles: [],
    setAside: { code: x.aside.code, groups: x.groups, fences: x.aside.fences },
    thresholds: x.thresholds,
    baseMeans: featureLift(x.describe, new Int32Array(0), 0).base,
    scale: x.scale,
    fit: { wcss: 0, iterations: 0, converged: true },
  };
}

function allColumns(input: ClusterInput): Record<string, Float64Array> {
  return { recency_days: input.recencyDays, frequency: input.frequency, monetary: input.monetary, ...input.extra };
}

function selectFeatures(input: ClusterInput, names: readonly string[] | undefined): Record<string, Float64Array> {
  const columns = allColumns(input);
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
