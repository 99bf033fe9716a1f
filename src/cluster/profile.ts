import type { RfmInput } from '../rfm/scoreCustomers.js';
import { inputError } from '../util/error.js';
import type { FeatureScale } from './features.js';
import { medianInPlace } from './median.js';
import { clusterAction, type ClusterAction } from './action.js';
import { featureLift } from './lift.js';
import { nameFromTypical, type NamingThresholds } from './nameRules.js';
import { englishClusterName, type ClusterNameParts, uniqueNames } from './names.js';
import { toOriginalUnits } from './scale.js';

/** Recency (days), frequency (orders) and monetary (spend) of a group, in original units. */
export interface RfmValues {
  recencyDays: number;
  frequency: number;
  monetary: number;
}

/** A plain-language, measurable description of one cluster (DOMAIN.md §5). */
export interface ClusterProfile {
  id: number;
  name: string;
  size: number;
  /** size / n. */
  share: number;
  /** The cluster's net spend / everyone's net spend (NaN when that total is 0). */
  revenueShare: number;
  mean: RfmValues;
  median: RfmValues;
  /** The centre in original units by feature name (back-transformed: a typical, not mean, value). */
  centre: Record<string, number>;
  /** The RFM segment most of the cluster's customers are in, and the share of them it holds. */
  dominantSegment?: { name: string; share: number };
  /** What the name says, as codes (the report renders them in its language). */
  parts: ClusterNameParts;
  /** The suggested campaign (action.ts). */
  action: ClusterAction;
  /** Mean of every described feature in the cluster, and as a ratio to the whole base's mean. */
  means: Record<string, number>;
  lift: Record<string, number>;
}

/** Segment of each customer as indexes into `names` (RfmResult's segment and segments). */
export interface SegmentLabels {
  index: ArrayLike<number>;
  names: readonly string[];
}

/** Everything a profile is read from; labels are final ids 0..k−1 and centre rows follow them. */
export interface ProfileInput extends RfmInput {
  labels: Int32Array;
  k: number;
  /** k×d centres in the standardised space of `scale`, row = cluster id. */
  centres: Float64Array;
  scale: FeatureScale;
  segment?: SegmentLabels;
  /** The run's naming cut-offs (nameRules.ts). */
  thresholds: NamingThresholds;
  /** previousParts[id]: the name parts of last run's cluster matched to `id`, for hysteresis. */
  previousParts?: readonly (ClusterNameParts | undefined)[];
  /** Features whose lift is reported (default: recency, frequency, monetary). */
  describe?: Readonly<Record<string, Float64Array>>;
}

const RFM = [
  ['recencyDays', 'recency_days'],
  ['frequency', 'frequency'],
  ['monetary', 'monetary'],
] as const;

/**
 * Size, share, revenue share, mean and median R/F/M, dominant RFM segment, centre, a unique
 * readable name, a suggested action and the lift of every described feature for each cluster.
 * Names compare each cluster's median recency, orders and spend with the run's absolute cut-offs
 * (nameRules.ts); recency, frequency and monetary must be clustering features (they are what
 * the clusters are told apart by). Medians use selection, not
 * sorting: O(n) per metric.
 *
 * @example profileClusters({ recencyDays, frequency, monetary, labels, k, centres, scale }).map((p) => p.name)
 */
export function profileClusters(input: ProfileInput): ClusterProfile[] {
  const { labels, k, scale } = input;
  for (const [, feature] of RFM) {
    if (!scale.names.includes(feature)) throw inputError(`cluster names need "${feature}" among the clustering features (got ${scale.names.join(', ')})`);
  }
  const n = labels.length;
  const d = scale.names.length;
  const { order, starts } = groupByCluster(labels, k);
  const scratch = new Float64Array(n);
  const mean = emptyValues(k);
  const median = emptyValues(k);
  const spend = new Float64Array(k);
  for (const [key] of RFM) {
    const values = input[key];
    for (let c = 0; c < k; c++) {
      let sum = 0;
      for (let s = starts[c]!; s < starts[c + 1]!; s++) {
        scratch[s] = values[order[s]!]!;
        sum += scratch[s]!;
      }
      if (key === 'monetary') spend[c] = sum;
      mean[c]![key] = sum / (starts[c + 1]! - starts[c]!);
      median[c]![key] = medianInPlace(scratch, starts[c]!, starts[c + 1]!);
    }
  }
  const totalSpend = spend.reduce((a, b) => a + b, 0);
  const original = toOriginalUnits(scale, input.centres);
  const parts = Array.from({ length: k }, (_, c) => nameFromTypical(median[c]!, input.thresholds, input.previousParts?.[c]));
  const names = uniqueNames(parts.map(englishClusterName), input.centres, original, scale.names, input.previousParts);
  const dominant = input.segment && dominantSegments(input.segment, order, starts, k);
  const lift = featureLift(input.describe ?? { recency_days: input.recencyDays, frequency: input.frequency, monetary: input.monetary }, labels, k);
  return Array.from({ length: k }, (_, c) => {
    const size = starts[c + 1]! - starts[c]!;
    const centre = Object.fromEntries(scale.names.map((name, j) => [name, original[c * d + j]!]));
    const profile: ClusterProfile = {
      id: c,
      name: names[c]!,
      size,
      share: n > 0 ? size / n : Number.NaN,
      revenueShare: totalSpend !== 0 ? spend[c]! / totalSpend : Number.NaN,
      mean: mean[c]!,
      median: median[c]!,
      centre,
      parts: parts[c]!,
      action: clusterAction(parts[c]!),
      means: lift.means[c]!,
      lift: lift.lift[c]!,
    };
    if (dominant) profile.dominantSegment = dominant[c]!;
    return profile;
  });
}

/** Customer indexes grouped by cluster (a counting sort): cluster c is order[starts[c] .. starts[c+1]). */
function groupByCluster(labels: Int32Array, k: number): { order: Int32Array; starts: Int32Array } {
  const starts = new Int32Array(k + 1);
  for (let i = 0; i < labels.length; i++) starts[labels[i]! + 1]!++;
  for (let c = 0; c < k; c++) starts[c + 1]! += starts[c]!;
  const next = starts.slice(0, k);
  const order = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) order[next[labels[i]!]!++] = i;
  return { order, starts };
}

function emptyValues(k: number): RfmValues[] {
  return Array.from({ length: k }, () => ({ recencyDays: Number.NaN, frequency: Number.NaN, monetary: Number.NaN }));
}

/** Most common segment per cluster (lowest index on ties) and the share of the cluster in it. */
function dominantSegments(segment: SegmentLabels, order: Int32Array, starts: Int32Array, k: number) {
  const s = segment.names.length;
  const counts = new Int32Array(s);
  return Array.from({ length: k }, (_, c) => {
    counts.fill(0);
    for (let x = starts[c]!; x < starts[c + 1]!; x++) counts[segment.index[order[x]!]!]!++;
    let best = 0;
    for (let g = 1; g < s; g++) if (counts[g]! > counts[best]!) best = g;
    const size = starts[c + 1]! - starts[c]!;
    return { name: segment.names[best]!, share: size > 0 ? counts[best]! / size : 0 };
  });
}
