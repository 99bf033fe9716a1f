import { inputError } from '../util/error.js';
import { kmeans, KMEANS_DEFAULTS } from './kmeans.js';
import type { KMeansFit } from './lloyd.js';
import type { Points } from './points.js';
import { deriveSeed } from './random.js';
import { silhouetteOf, silhouetteSample, type SilhouetteSample } from './silhouette.js';

/** How to pick k; every field has a default (K_CHOICE). */
export interface ChooseKOptions {
  /** Smallest and largest k to try, inclusive (default [3, 8]); the top is capped at n. */
  kRange?: readonly [number, number];
  /** Use this k and skip the search (its silhouette is still reported). */
  fixedK?: number;
  /** A k within the tolerance is good enough: silhouette ≥ best · (1 − tolerance) (default 0.1). */
  tolerance?: number;
  /** Every cluster of an eligible k holds at least this share of the customers (default 0.02). */
  minShare?: number;
  /** Last run's k: kept while it is eligible and within the tolerance, so k does not flicker. */
  previousK?: number;
  seed?: number;
  restarts?: number;
  maxIterations?: number;
  /** Lloyd's stop rule (squared centre move). */
  convergence?: number;
  /** Points in the silhouette sample (default 2000). */
  sampleSize?: number;
}

/** One candidate k: sampled mean silhouette, WCSS, its smallest cluster's share, and whether it may be used. */
export interface KScore {
  k: number;
  silhouette: number;
  wcss: number;
  minShare: number;
  /** A finite silhouette and every cluster ≥ minShare. */
  eligible: boolean;
}

/**
 * Why k was chosen, as stored in cluster_runs.reason:
 * - largest_within_tolerance: the largest eligible k whose silhouette is within the tolerance of the best eligible one;
 * - kept_previous: last run's k, still eligible and within the tolerance;
 * - only_two: no k in the range had every cluster ≥ the minimum share, k = 2 did (the data support nothing else);
 * - none_eligible: not even k = 2 did; the best silhouette is used and the report says so;
 * - fixed: set by configuration.
 */
export type KReason = 'largest_within_tolerance' | 'kept_previous' | 'only_two' | 'none_eligible' | 'fixed';

export interface KChoice {
  k: number;
  reason: KReason;
  /** The eligible k with the best silhouette (null when none is eligible). */
  bestK: number | null;
  scores: KScore[];
  fit: KMeansFit;
}

/** The documented defaults of the choice of k (README "Clusters"). */
export const K_CHOICE = { kRange: [3, 8] as const, tolerance: 0.1, minShare: 0.02 } as const;
export const DEFAULT_K_RANGE: readonly [number, number] = K_CHOICE.kRange;

/**
 * Choose k for use, not for the silhouette alone. Every k in the range is fitted (seeded k-means++
 * restarts, the seed derived from (seed, k) so one k's fit does not depend on the others tried)
 * and scored on the same seeded silhouette sample. Eligible k have every cluster ≥ minShare.
 * Among them, those within `tolerance` of the best silhouette are good enough, and the largest
 * wins (more, still well-separated groups give a marketer more to act on) — unless last run's k
 * is among them, which is kept. k = 2 is tried only when no k of the range is eligible.
 *
 * @example chooseK(points, { kRange: [3, 8], seed: 1 }).reason // 'largest_within_tolerance'
 */
export function chooseK(points: Points, options: ChooseKOptions = {}): KChoice {
  const [lo, hi] = candidateRange(options, points.n);
  const fits = new Map<number, KMeansFit>();
  const scores: KScore[] = [];
  // one sample, its distances computed once, for every k
  const sample = silhouetteSample(points, { seed: deriveSeed(options.seed ?? KMEANS_DEFAULTS.seed, 0), sampleSize: options.sampleSize });
  const tryK = (k: number): KScore => {
    const score = scoreK(points, sample, k, options);
    fits.set(k, score.fit);
    scores.push(score.score);
    return score.score;
  };
  for (let k = lo; k <= hi; k++) tryK(k);
  if (options.fixedK !== undefined) return { k: lo, reason: 'fixed', bestK: scores[0]!.eligible ? lo : null, scores, fit: fits.get(lo)! };
  let reason: KReason = 'largest_within_tolerance';
  if (!scores.some((s) => s.eligible) && lo > 2 && points.n >= 2) {
    reason = 'only_two';
    tryK(2);
    scores.sort((a, b) => a.k - b.k);
  }
  const eligible = scores.filter((s) => s.eligible);
  if (eligible.length === 0) {
    const best = bestOf(scores) ?? scores[0]!;
    return { k: best.k, reason: 'none_eligible', bestK: null, scores, fit: fits.get(best.k)! };
  }
  const best = bestOf(eligible)!;
  const floor = best.silhouette * (1 - (options.tolerance ?? K_CHOICE.tolerance));
  const good = eligible.filter((s) => s.silhouette >= floor);
  const previous = good.find((s) => s.k === options.previousK);
  const chosen = previous ?? good[good.length - 1]!;
  if (previous && reason !== 'only_two' && previous.k !== good[good.length - 1]!.k) reason = 'kept_previous';
  return { k: chosen.k, reason, bestK: best.k, scores, fit: fits.get(chosen.k)! };
}

function scoreK(points: Points, sample: SilhouetteSample, k: number, options: ChooseKOptions): { score: KScore; fit: KMeansFit } {
  const seed = options.seed ?? KMEANS_DEFAULTS.seed;
  const fit = kmeans(points, {
    k,
    seed: deriveSeed(seed, k),
    restarts: options.restarts,
    maxIterations: options.maxIterations,
    tolerance: options.convergence,
  });
  const s = silhouetteOf(sample, fit.labels, k);
  let smallest = Number.POSITIVE_INFINITY;
  for (const size of fit.sizes) smallest = Math.min(smallest, size);
  const minShare = points.n > 0 ? smallest / points.n : 0;
  const eligible = Number.isFinite(s) && minShare >= (options.minShare ?? K_CHOICE.minShare);
  return { score: { k, silhouette: s, wcss: fit.wcss, minShare, eligible }, fit };
}

/** The highest finite silhouette (the smaller k on ties), or undefined when none is finite. */
function bestOf(scores: readonly KScore[]): KScore | undefined {
  let best: KScore | undefined;
  for (const s of scores) if (Number.isFinite(s.silhouette) && (best === undefined || s.silhouette > best.silhouette)) best = s;
  return best;
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
