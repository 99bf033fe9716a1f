import { gatherRows, type Points } from './points.js';
import { mulberry32, sampleIndices } from './random.js';

/** Options of a sampled silhouette. */
export interface SilhouetteOptions {
  /** Points to score (default 2000); the cost is O(sampleSize² · d), never O(n²). */
  sampleSize?: number;
  seed?: number;
}

/**
 * The seeded sample a silhouette is scored on, with every pairwise distance computed once: the
 * choice of k scores six or more labelings on the same sample, and summing stored distances by
 * label costs a fraction of recomputing them. Upper triangle, row-major: s·(s−1)/2 doubles
 * (16 MB at 2,000 points).
 */
export interface SilhouetteSample {
  indices: Int32Array;
  distances: Float64Array;
}

/**
 * The sample and its pairwise Euclidean distances.
 *
 * @example const sample = silhouetteSample(points, { sampleSize: 2000, seed: 1 });
 */
export function silhouetteSample(points: Points, options: SilhouetteOptions = {}): SilhouetteSample {
  const indices = sampleIndices(points.n, options.sampleSize ?? 2000, mulberry32(options.seed ?? 1));
  const { data, n: s, d } = gatherRows(points, indices);
  const distances = new Float64Array((s * (s - 1)) / 2);
  for (let a = 0, at = 0; a < s; a++) {
    const ao = a * d;
    for (let b = a + 1; b < s; b++, at++) {
      const bo = b * d;
      let sq = 0;
      for (let j = 0; j < d; j++) {
        const t = data[ao + j]! - data[bo + j]!;
        sq += t * t;
      }
      distances[at] = Math.sqrt(sq);
    }
  }
  return { indices, distances };
}

/**
 * Mean silhouette (Rousseeuw 1987) of the sampled points under `labels` (all n points' labels),
 * computed within the sample as scikit-learn's silhouette_score(sample_size=…) does: for each
 * sampled point, a = mean distance to the other sampled points of its cluster, b = lowest mean
 * distance to another cluster's sampled points, s = (b − a) / max(a, b); a point alone in its
 * cluster scores 0. NaN when the sample holds fewer than two clusters.
 *
 * @example silhouetteOf(sample, fit.labels, fit.k) // in [-1, 1]
 */
export function silhouetteOf(sample: SilhouetteSample, labels: Int32Array, k: number): number {
  const { indices, distances } = sample;
  const s = indices.length;
  const label = new Int32Array(s);
  for (let a = 0; a < s; a++) label[a] = labels[indices[a]!]!;
  const counts = new Int32Array(k);
  for (let a = 0; a < s; a++) counts[label[a]!]!++;
  if (counts.filter((c) => c > 0).length < 2) return Number.NaN;
  // distTo[a*k + c] = sum of distances from sampled point a to the sampled points of cluster c;
  // each pair is stored once and credited to both ends.
  const distTo = new Float64Array(s * k);
  for (let a = 0, at = 0; a < s; a++) {
    const la = label[a]!;
    const rowA = a * k;
    for (let b = a + 1; b < s; b++, at++) {
      const dist = distances[at]!;
      distTo[rowA + label[b]!]! += dist;
      distTo[b * k + la]! += dist;
    }
  }
  let total = 0;
  for (let a = 0; a < s; a++) total += pointSilhouette(distTo, counts, a, label[a]!, k);
  return total / s;
}

/**
 * Mean silhouette of a seeded random sample of points (silhouetteSample + silhouetteOf).
 *
 * @example silhouette(points, fit.labels, fit.k, { sampleSize: 2000, seed: 1 }) // in [-1, 1]
 */
export function silhouette(points: Points, labels: Int32Array, k: number, options: SilhouetteOptions = {}): number {
  return silhouetteOf(silhouetteSample(points, options), labels, k);
}

function pointSilhouette(distTo: Float64Array, counts: Int32Array, a: number, own: number, k: number): number {
  if (counts[own]! < 2) return 0;
  const inner = distTo[a * k + own]! / (counts[own]! - 1);
  let nearest = Number.POSITIVE_INFINITY;
  for (let c = 0; c < k; c++) {
    if (c !== own && counts[c]! > 0) nearest = Math.min(nearest, distTo[a * k + c]! / counts[c]!);
  }
  const denominator = Math.max(inner, nearest);
  return denominator > 0 ? (nearest - inner) / denominator : 0;
}
