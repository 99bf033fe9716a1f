import { assign, type Bounds, type CentreMotion } from './assign.js';
import type { Points } from './points.js';

/** One k-means fit: labels, centres (k×d, standardised), cluster sizes and WCSS. */
export interface KMeansFit {
  k: number;
  labels: Int32Array;
  centres: Float64Array;
  sizes: Int32Array;
  wcss: number;
  iterations: number;
  converged: boolean;
}

/**
 * Lloyd's iterations from given centres: assign, move each centre to its points' mean, stop when
 * no centre moved more than `tolerance` (squared distance) or after `maxIterations`. The loop is
 * ml-kmeans' own (same labels, same means, same stop rule) so the two agree to rounding from
 * the same start; Hamerly's bounds only skip distance computations that cannot change a label,
 * and sums are updated for the points that move rather than rebuilt. A final assignment makes the returned labels those of the returned centres, and the
 * WCSS is theirs too.
 *
 * @example lloyd(points, initialCentres, 4, 100, 1e-6).labels
 */
export function lloyd(points: Points, initial: Float64Array, k: number, maxIterations: number, tolerance: number): KMeansFit {
  const { n, d } = points;
  let centres = Float64Array.from(initial);
  let next = new Float64Array(k * d);
  const labels = new Int32Array(n);
  const sums = new Float64Array(k * d);
  const counts = new Int32Array(k);
  const bounds: Bounds = { upper: new Float64Array(n), lower: new Float64Array(n) };
  const motion: CentreMotion = { drift: new Float64Array(k), otherDrift: new Float64Array(k), halfGap: new Float64Array(k) };
  let boundsValid = false;
  let iterations = 0;
  let converged = false;
  while (!converged && iterations < maxIterations) {
    iterations++;
    if (boundsValid) halfGaps(centres, k, d, motion.halfGap);
    assign(points, centres, k, labels, bounds, boundsValid ? motion : undefined, sums, counts);
    boundsValid = true;
    for (let c = 0; c < k; c++) {
      // A moved point's bounds refer to its old cluster: search everything next pass.
      if (counts[c] === 0 && reseedEmpty(points, centres, labels, sums, counts, c)) boundsValid = false;
    }
    for (let c = 0; c < k; c++) {
      for (let j = 0; j < d; j++) {
        // Divide (not multiply by 1/count), as ml-kmeans does.
        next[c * d + j] = counts[c]! > 0 ? sums[c * d + j]! / counts[c]! : centres[c * d + j]!;
      }
    }
    converged = drifts(centres, next, k, d, motion) <= tolerance;
    [centres, next] = [next, centres];
  }
  if (boundsValid) halfGaps(centres, k, d, motion.halfGap);
  assign(points, centres, k, labels, bounds, boundsValid ? motion : undefined, sums, counts);
  return { k, labels, centres, sizes: counts, wcss: wcssOf(points, centres, labels), iterations, converged };
}

/**
 * An empty cluster takes the point farthest from its own centre (the first such point on ties),
 * the deterministic rule scikit-learn uses: it splits off the worst-fitting point instead of
 * leaving a dead centre. Points whose cluster would empty are not taken. Updates sums and
 * counts; false when no point could be taken (fewer distinct donors than clusters).
 */
function reseedEmpty(points: Points, centres: Float64Array, labels: Int32Array, sums: Float64Array, counts: Int32Array, empty: number): boolean {
  const { data, n, d } = points;
  let far = -1;
  let farDist = -1;
  for (let i = 0, off = 0; i < n; i++, off += d) {
    const c = labels[i]!;
    if (counts[c]! < 2) continue;
    let dist = 0;
    for (let j = 0; j < d; j++) {
      const t = data[off + j]! - centres[c * d + j]!;
      dist += t * t;
    }
    if (dist > farDist) {
      farDist = dist;
      far = i;
    }
  }
  if (far < 0) return false;
  const from = labels[far]!;
  for (let j = 0; j < d; j++) {
    sums[from * d + j]! -= data[far * d + j]!;
    sums[empty * d + j] = data[far * d + j]!;
  }
  counts[from]!--;
  counts[empty] = 1;
  labels[far] = empty;
  return true;
}

/** Record how far each centre moved (for the bounds); returns the largest squared move. */
function drifts(old: Float64Array, moved: Float64Array, k: number, d: number, motion: CentreMotion): number {
  let maxSquared = 0;
  let first = -1;
  for (let c = 0; c < k; c++) {
    let sq = 0;
    for (let j = 0; j < d; j++) {
      const t = old[c * d + j]! - moved[c * d + j]!;
      sq += t * t;
    }
    if (sq > maxSquared) maxSquared = sq;
    motion.drift[c] = Math.sqrt(sq);
    if (first < 0 || motion.drift[c]! > motion.drift[first]!) first = c;
  }
  let runnerUp = 0;
  for (let c = 0; c < k; c++) if (c !== first && motion.drift[c]! > runnerUp) runnerUp = motion.drift[c]!;
  for (let c = 0; c < k; c++) motion.otherDrift[c] = c === first ? runnerUp : motion.drift[first]!;
  return maxSquared;
}

/** Half the distance from each centre to its nearest other centre. */
function halfGaps(centres: Float64Array, k: number, d: number, out: Float64Array): void {
  out.fill(Number.POSITIVE_INFINITY);
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      let sq = 0;
      for (let j = 0; j < d; j++) {
        const t = centres[a * d + j]! - centres[b * d + j]!;
        sq += t * t;
      }
      const half = Math.sqrt(sq) / 2;
      if (half < out[a]!) out[a] = half;
      if (half < out[b]!) out[b] = half;
    }
  }
}

/** Within-cluster sum of squares of exact distances (the bounds are only bounds). */
function wcssOf(points: Points, centres: Float64Array, labels: Int32Array): number {
  const { data, n, d } = points;
  let wcss = 0;
  for (let i = 0, off = 0; i < n; i++, off += d) {
    for (let j = 0, co = labels[i]! * d; j < d; j++) {
      const t = data[off + j]! - centres[co + j]!;
      wcss += t * t;
    }
  }
  return wcss;
}
