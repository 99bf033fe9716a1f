import { hungarian } from './hungarian.js';

/** Ids for the clusters of one fit, and what they were matched to last run. */
export interface StableIds {
  /** idOf[c] is the id (0..k−1) reported for fitted cluster c. */
  idOf: Int32Array;
  /** previousId[id] is last run's id of the cluster matched to `id`, or −1 for a new cluster. */
  previousId: Int32Array;
}

/** What stableIds needs: this fit's centres and labels, spend per customer, last run's centres. */
export interface StableIdsInput {
  /** This run's centres, k×d row-major, in this run's standardised space. */
  centres: Float64Array;
  k: number;
  d: number;
  labels: Int32Array;
  monetary: Float64Array;
  /**
   * Last run's centres (k'×d) in the SAME space as `centres`: this run's standardised space.
   * Store centres in original units between runs (standardisation drifts with the data) and move
   * them in with toStandardized(scale, …); clusterCustomers does this.
   */
  previous?: Float64Array;
}

/**
 * Cluster ids that keep their meaning from run to run, so "cluster 3" can carry a campaign.
 *
 * With last run's centres, new clusters are matched to old ones by minimum total Euclidean
 * distance (Hungarian) and keep the old id. When k changed, only ids below the new k can be kept;
 * unmatched clusters (and those whose old id is ≥ k) take the free ids in the default order.
 * Without last run's centres the default order applies: by mean monetary of the cluster's
 * customers, highest first (id 0 = the biggest spenders), ties by fitted index.
 *
 * @example stableIds({ centres, k, d, labels, monetary, previous }).idOf // fitted index → id
 */
export function stableIds(input: StableIdsInput): StableIds {
  const { centres, k, d, previous } = input;
  const byMoney = spendOrder(input.labels, input.monetary, k);
  const idOf = new Int32Array(k).fill(-1);
  const previousId = new Int32Array(k).fill(-1);
  if (previous !== undefined && previous.length > 0) {
    const kOld = previous.length / d;
    const match = hungarian(distances(centres, k, previous, kOld, d), k, kOld);
    for (let c = 0; c < k; c++) {
      if (match[c]! >= 0 && match[c]! < k) idOf[c] = match[c]!;
    }
    const taken = new Set(idOf);
    let free = 0;
    for (const c of byMoney) {
      if (idOf[c]! >= 0) continue;
      while (taken.has(free)) free++;
      idOf[c] = free++;
    }
    for (let c = 0; c < k; c++) previousId[idOf[c]!] = match[c]!;
  } else {
    byMoney.forEach((c, id) => (idOf[c] = id));
  }
  return { idOf, previousId };
}

/** Fitted cluster indexes by mean monetary, highest first; empty clusters last. */
function spendOrder(labels: Int32Array, monetary: Float64Array, k: number): number[] {
  const sum = new Float64Array(k);
  const count = new Int32Array(k);
  for (let i = 0; i < labels.length; i++) {
    sum[labels[i]!]! += monetary[i]!;
    count[labels[i]!]!++;
  }
  const mean = Array.from(sum, (s, c) => (count[c]! > 0 ? s / count[c]! : Number.NEGATIVE_INFINITY));
  return mean.map((_, c) => c).sort((a, b) => mean[b]! - mean[a]! || a - b);
}

/** Euclidean distances between every new centre (rows) and every old centre (columns). */
function distances(a: Float64Array, ka: number, b: Float64Array, kb: number, d: number): Float64Array {
  const out = new Float64Array(ka * kb);
  for (let i = 0; i < ka; i++) {
    for (let j = 0; j < kb; j++) {
      let sq = 0;
      for (let x = 0; x < d; x++) sq += (a[i * d + x]! - b[j * d + x]!) ** 2;
      out[i * kb + j] = Math.sqrt(sq);
    }
  }
  return out;
}
