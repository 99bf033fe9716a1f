import { inputError } from '../util/error.js';
import { kmeans, KMEANS_DEFAULTS } from './kmeans.js';
import type { KMeansFit } from './lloyd.js';
import type { Points } from './points.js';
import { deriveSeed } from './random.js';
import { silhouette } from './silhouette.js';

/** How to pick k; every field has a default. */
export interface ChooseKOptions {
  /** Smallest and largest k to try, inclusive (default [2, 8]); the top is capped at n. */
  kRange?: readonly [number, number];
  /** Use this k and skip the search (its silhouette is still reported). */
  fixedK?: number;
  seed?: number;
  restarts?: number;
  maxIterations?: number;
  tolerance?: number;
  /** Points in the silhouette sample (default 2000). */
  sampleSize?: number;
}

/** The score of one candidate k: sampled mean silhouette and WCSS of its best fit. */
export interface KScore {
  k: number;
  silhouette: number;
  wcss: number;
}

export const DEFAULT_K_RANGE: readonly [number, number] = [2, 8];

/**
 * Fit k-means for each k in the range and keep the k with the highest mean silhouette (the smaller
 * k on ties: fewer, larger segments are easier to act on). Every k is scored on the same seeded
 * silhouette sample, and each k's fit has its own seed derived from (seed, k), so one k's result
 * does not depend on which other k were tried.
 *
 * @example chooseK(points, { kRange: [2, 8], seed: 1 }).k
 */
export function chooseK(points: Points, options: ChooseKOptions = {}): { k: number; scores: KScore[]; fit: KMeansFit } {
  const seed = options.seed ?? KMEANS_DEFAULTS.seed;
  const [lo, hi] = candidateRange(options, points.n);
  const scores: KScore[] = [];
  let best: { score: number; fit: KMeansFit } | undefined;
  for (let k = lo; k <= hi; k++) {
    const fit = kmeans(points, {
      k,
      seed: deriveSeed(seed, k),
      restarts: options.restarts,
      maxIterations: options.maxIterations,
      tolerance: options.tolerance,
    });
    const score = silhouette(points, fit.labels, k, { seed: deriveSeed(seed, 0), sampleSize: options.sampleSize });
    scores.push({ k, silhouette: score, wcss: fit.wcss });
    // NaN (a sample with one cluster) never beats a number, but the first k is kept so a
    // degenerate sample still yields a fit.
    if (best === undefined || score > best.score || (Number.isNaN(best.score) && !Number.isNaN(score))) best = { score, fit };
  }
  return { k: best!.fit.k, scores, fit: best!.fit };
}

function candidateRange(options: ChooseKOptions, n: number): [number, number] {
  if (options.fixedK !== undefined) {
    if (!Number.isInteger(options.fixedK) || options.fixedK < 2) throw inputError(`fixed k must be a whole number ≥ 2, got ${options.fixedK}`);
    if (options.fixedK > n) throw inputError(`fixed k = ${options.fixedK} needs at least ${options.fixedK} customers, got ${n}`);
    return [options.fixedK, options.fixedK];
  }
  const [lo, hi] = options.kRange ?? DEFAULT_K_RANGE;
  if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo < 2 || hi < lo) {
    throw inputError(`k range must be two whole numbers 2 ≤ min ≤ max, got [${lo}, ${hi}]`);
  }
  if (n < lo) throw inputError(`k range starts at ${lo} clusters but there are only ${n} customers`);
  return [lo, Math.min(hi, n)];
}
