import type { Points } from './points.js';

/**
 * Per-point distance bounds for Hamerly's accelerated k-means (Hamerly 2010): `upper[i]` ≥ the
 * distance from point i to its centre, `lower[i]` ≤ its distance to any other centre. A point
 * whose upper bound is below both its lower bound and half the gap from its centre to the nearest
 * other centre cannot change cluster, so most points skip the k distance computations once the
 * centres settle. Two numbers per point: memory stays linear in n.
 */
export interface Bounds {
  upper: Float64Array;
  lower: Float64Array;
}

/** How far the centres moved since the bounds were last valid, and how close they are now. */
export interface CentreMotion {
  /** drift[c]: distance centre c moved; upper bounds grow by it. */
  drift: Float64Array;
  /** otherDrift[c]: the largest move of any centre but c; lower bounds shrink by it. */
  otherDrift: Float64Array;
  /** halfGap[c]: half the distance from centre c to the nearest other centre. */
  halfGap: Float64Array;
}

// Skip a point only with this much room (relative, plus absolute for near-coincident centres):
// the bounds carry rounding from many updates, and a skip must never keep a point whose true
// nearest centre is another one. Coordinates are standardised, so 1e-12 is far below any real gap.
const SAFE = 1 - 1e-9;
const SLACK = 1e-12;

/**
 * The assignment step: label each point with its nearest centre (squared Euclidean; the first
 * centre on ties, as ml-kmeans does) and keep `sums` (k×d coordinate sums) and `counts` per
 * cluster. With `motion` undefined every point is searched and sums are rebuilt in point order
 * (the first pass, or after bounds were invalidated). Otherwise bounds decide which points need
 * their distances computed, and only points that change cluster move their coordinates between
 * sums, so a settled point costs a few loads. The labels are exactly those of a plain
 * nearest-centre search. No allocation per point.
 *
 * @example assign(points, centres, k, labels, bounds, undefined, sums, counts)
 */
export function assign(
  points: Points,
  centres: Float64Array,
  k: number,
  labels: Int32Array,
  bounds: Bounds,
  motion: CentreMotion | undefined,
  sums: Float64Array,
  counts: Int32Array,
): void {
  const { data, n, d } = points;
  const { upper, lower } = bounds;
  if (motion === undefined) {
    sums.fill(0);
    counts.fill(0);
    for (let i = 0, off = 0; i < n; i++, off += d) {
      const a = nearestTwo(data, off, centres, k, d, upper, lower, i);
      labels[i] = a;
      counts[a]!++;
      for (let j = 0, so = a * d; j < d; j++) sums[so + j]! += data[off + j]!;
    }
    return;
  }
  // Locals, not property loads, in the hot loop.
  const { drift, otherDrift, halfGap } = motion;
  for (let i = 0, off = 0; i < n; i++, off += d) {
    const a = labels[i]!;
    const u = upper[i]! + drift[a]!;
    const l = lower[i]! - otherDrift[a]!;
    lower[i] = l;
    const gap = halfGap[a]!;
    const bound = (l > gap ? l : gap) * SAFE - SLACK;
    if (u < bound) {
      upper[i] = u;
      continue;
    }
    let sq = 0;
    for (let j = 0, co = a * d; j < d; j++) {
      const t = data[off + j]! - centres[co + j]!;
      sq += t * t;
    }
    upper[i] = Math.sqrt(sq);
    if (upper[i]! < bound) continue;
    const b = nearestTwo(data, off, centres, k, d, upper, lower, i);
    if (b === a) continue;
    labels[i] = b;
    counts[a]!--;
    counts[b]!++;
    for (let j = 0, sa = a * d, sb = b * d; j < d; j++) {
      sums[sa + j]! -= data[off + j]!;
      sums[sb + j]! += data[off + j]!;
    }
  }
}

/** Search all centres for point i: returns the nearest and sets its exact bounds. */
function nearestTwo(
  data: Float64Array,
  off: number,
  centres: Float64Array,
  k: number,
  d: number,
  upper: Float64Array,
  lower: Float64Array,
  i: number,
): number {
  let best = 0;
  let bestDist = Number.MAX_VALUE;
  let second = Number.MAX_VALUE;
  for (let c = 0, co = 0; c < k; c++, co += d) {
    let dist = 0;
    for (let j = 0; j < d; j++) {
      const t = data[off + j]! - centres[co + j]!;
      dist += t * t;
    }
    if (dist < bestDist) {
      second = bestDist;
      bestDist = dist;
      best = c;
    } else if (dist < second) {
      second = dist;
    }
  }
  upper[i] = Math.sqrt(bestDist);
  lower[i] = Math.sqrt(second);
  return best;
}
