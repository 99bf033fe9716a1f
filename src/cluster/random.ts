import { mulberry32, type Random } from '../util/random.js';

export { mulberry32, type Random };

/**
 * A seed for one stage of a run (e.g. the fit for k = 5), mixed from the run's seed and a tag, so
 * each stage draws its own stream: changing the k range does not change the fit for k = 5.
 *
 * @example deriveSeed(42, 5) === deriveSeed(42, 5) // true
 */
export function deriveSeed(seed: number, tag: number): number {
  let h = Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(tag + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * `size` distinct indices out of 0..n-1, sorted ascending (all of them when size ≥ n). Floyd's
 * algorithm draws exactly `size` numbers and keeps only the chosen set: O(size) memory, never O(n).
 *
 * @example sampleIndices(1_000_000, 2000, mulberry32(1)).length // 2000
 */
export function sampleIndices(n: number, size: number, random: Random): Int32Array {
  if (size >= n) return Int32Array.from({ length: n }, (_, i) => i);
  const chosen = new Set<number>();
  for (let j = n - size; j < n; j++) {
    const t = Math.floor(random() * (j + 1));
    chosen.add(chosen.has(t) ? j : t);
  }
  return Int32Array.from(chosen).sort();
}
