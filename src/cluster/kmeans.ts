import { inputError } from '../util/error.js';
import { kmeansPlusPlus } from './kmeansPlusPlus.js';
import { lloyd, type KMeansFit } from './lloyd.js';
import type { Points } from './points.js';
import { mulberry32 } from './random.js';

/** Options of one k-means fit; everything but k has a default. */
export interface KMeansOptions {
  k: number;
  /** Seed of the k-means++ draws (default 1). */
  seed?: number;
  /** k-means++ starts to try, keeping the lowest WCSS (default 4; 1 with initialCentres). */
  restarts?: number;
  /** Lloyd iterations per start (default 100). */
  maxIterations?: number;
  /** Stop once no centre moves more than this squared distance (default 1e-6, ml-kmeans' rule). */
  tolerance?: number;
  /** Start here instead of k-means++: a warm start, or the same start as another implementation. */
  initialCentres?: Float64Array | readonly (readonly number[])[];
}

export const KMEANS_DEFAULTS = { seed: 1, restarts: 4, maxIterations: 100, tolerance: 1e-6 } as const;

/**
 * k-means on a flat point matrix: `restarts` seeded k-means++ starts, each run to convergence by
 * Lloyd's algorithm, keeping the fit with the lowest within-cluster sum of squares (the first on
 * ties). Memory is linear in n: labels plus one distance per point while seeding.
 *
 * @example kmeans({ data, n, d: 3 }, { k: 4, seed: 7 }).labels
 */
export function kmeans(points: Points, options: KMeansOptions): KMeansFit {
  const { k } = options;
  // `??` per field, not a spread: a field present but undefined must still get its default.
  const seed = options.seed ?? KMEANS_DEFAULTS.seed;
  const restarts = options.restarts ?? KMEANS_DEFAULTS.restarts;
  const maxIterations = options.maxIterations ?? KMEANS_DEFAULTS.maxIterations;
  const tolerance = options.tolerance ?? KMEANS_DEFAULTS.tolerance;
  if (!Number.isInteger(k) || k < 1) throw inputError(`k-means needs a whole number of clusters ≥ 1, got ${k}`);
  if (points.n < k) throw inputError(`k-means with k = ${k} needs at least ${k} points, got ${points.n}`);
  if (options.initialCentres !== undefined) {
    return lloyd(points, centresArray(options.initialCentres, k, points.d), k, maxIterations, tolerance);
  }
  const random = mulberry32(seed);
  let best: KMeansFit | undefined;
  for (let r = 0; r < Math.max(1, restarts); r++) {
    const fit = lloyd(points, kmeansPlusPlus(points, k, random), k, maxIterations, tolerance);
    if (best === undefined || fit.wcss < best.wcss) best = fit;
  }
  return best!;
}

function centresArray(centres: Float64Array | readonly (readonly number[])[], k: number, d: number): Float64Array {
  const flat = centres instanceof Float64Array ? centres : Float64Array.from(centres.flat());
  const rowsOk = centres instanceof Float64Array || centres.every((row) => row.length === d);
  if (flat.length !== k * d || !rowsOk) throw inputError(`initial centres must be ${k} rows of ${d} numbers`);
  return flat;
}
