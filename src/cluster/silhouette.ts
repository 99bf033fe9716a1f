import { gatherRows, type Points } from './points.js';
import { mulberry32, sampleIndices } from './random.js';

/** Options of a sampled silhouette. */
export interface SilhouetteOptions {
  /** Points to score (default 2000); the cost is O(sampleSize² · d), never O(n²). */
  sampleSize?: number;
  seed?: number;
}

/**
 * Mean silhouette (Rousseeuw 1987) of a seeded random sample of points, computed within the
 * sample as scikit-learn's silhouette_score(sample_size=…) does: for each sampled point, a = mean
 * distance to the other sampled points of its cluster, b = lowest mean distance to another
 * cluster's sampled points, s = (b − a) / max(a, b); a point alone in its cluster scores 0.
 * NaN when the sample holds fewer than two clusters (no "other cluster" to compare against).
 *
 * @example silhouette(points, fit.labels, fit.k, { sampleSize: 2000, seed: 1 }) // in [-1, 1]
 */
export function silhouette(points: Points, labels: Int32Array, k: number, options: SilhouetteOptions = {}): number {
  const indices = sampleIndices(points.n, options.sampleSize ?? 2000, mulberry32(options.seed ?? 1));
  const { data, n: s, d } = gatherRows(points, indices);
  const label = Int32Array.from(indices, (i) => labels[i]!);
  const counts = new Int32Array(k);
  for (let a = 0; a < s; a++) counts[label[a]!]!++;
  if (counts.filter((c) => c > 0).length < 2) return Number.NaN;
  // distTo[a*k + c] = sum of distances from sampled point a to the sampled points of cluster c;
  // each pair is computed once and credited to both ends.
  const distTo = new Float64Array(s * k);
  for (let a = 0; a < s; a++) {
    const ao = a * d;
    const la = label[a]!;
    for (let b = a + 1; b < s; b++) {
      const bo = b * d;
      let sq = 0;
      for (let j = 0; j < d; j++) {
        const t = data[ao + j]! - data[bo + j]!;
        sq += t * t;
      }
      const dist = Math.sqrt(sq);
      distTo[a * k + label[b]!]! += dist;
      distTo[b * k + la]! += dist;
    }
  }
  let total = 0;
  for (let a = 0; a < s; a++) total += pointSilhouette(distTo, counts, a, label[a]!, k);
  return total / s;
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
