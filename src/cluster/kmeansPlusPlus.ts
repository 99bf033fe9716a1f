import type { Points } from './points.js';
import type { Random } from './random.js';

/**
 * k-means++ seeding (Arthur & Vassilvitskii 2007): the first centre uniformly at random, each next
 * one with probability proportional to its squared distance to the nearest centre so far. Keeps
 * one distance per point (memory linear in n); k passes over the data.
 *
 * @example kmeansPlusPlus(points, 4, mulberry32(7)) // 4×d initial centres
 */
export function kmeansPlusPlus(points: Points, k: number, random: Random): Float64Array {
  const { data, n, d } = points;
  const centres = new Float64Array(k * d);
  const nearest = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  let pick = Math.min(Math.floor(random() * n), n - 1);
  for (let c = 0; c < k; c++) {
    if (c > 0) pick = drawByWeight(nearest, random);
    const co = c * d;
    centres.set(data.subarray(pick * d, pick * d + d), co);
    for (let i = 0, off = 0; i < n; i++, off += d) {
      let dist = 0;
      for (let j = 0; j < d; j++) {
        const t = data[off + j]! - centres[co + j]!;
        dist += t * t;
      }
      if (dist < nearest[i]!) nearest[i] = dist;
    }
  }
  return centres;
}

/** An index drawn with probability weight[i] / Σweight; uniform when all weights are 0 (duplicates). */
function drawByWeight(weight: Float64Array, random: Random): number {
  let total = 0;
  for (let i = 0; i < weight.length; i++) total += weight[i]!;
  if (!(total > 0)) return Math.min(Math.floor(random() * weight.length), weight.length - 1);
  const target = random() * total;
  let acc = 0;
  let last = 0;
  for (let i = 0; i < weight.length; i++) {
    if (weight[i]! <= 0) continue;
    acc += weight[i]!;
    last = i;
    if (acc > target) return i;
  }
  return last; // rounding left target just above the running sum
}
