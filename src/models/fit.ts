import { nelderMead } from './nelderMead.js';
import type { MinimizeOptions, MinimizeResult, Objective } from './objective.js';
import { bfgs } from './optimize.js';

/** The best of several local minimisations, and which start it came from. */
export interface MultiStartResult extends MinimizeResult {
  start: number;
}

/**
 * Minimise from several starts with BFGS and keep the lowest value (the likelihoods of the BG
 * family have flat ridges where one start can stall). If the best run did not converge, fall back
 * to Nelder–Mead from its point and polish the result with BFGS. Iterations are the best run's.
 *
 * @example fitBest(objective, [Float64Array.of(0, 0, 0, 0), Float64Array.of(0, Math.log(3), 0, Math.log(3))])
 */
export function fitBest(fn: Objective, starts: readonly Float64Array[], options: MinimizeOptions = {}): MultiStartResult {
  let best: MultiStartResult | undefined;
  let evaluations = 0;
  starts.forEach((start, i) => {
    const r = bfgs(fn, start, options);
    evaluations += r.evaluations;
    if (!best || better(r, best)) best = { ...r, start: i };
  });
  if (!best) throw new RangeError('fitBest needs at least one start');
  if (!best.converged) {
    const nm = nelderMead(fn, best.theta, options);
    const polished = bfgs(fn, nm.theta, options);
    evaluations += nm.evaluations + polished.evaluations;
    if (better(polished, best) || (polished.converged && polished.value <= best.value + 1e-12 * Math.abs(best.value))) {
      best = {
        ...polished,
        iterations: best.iterations + nm.iterations + polished.iterations,
        message: `${polished.message} (after a Nelder–Mead fallback: ${best.message})`,
        start: best.start,
      };
    }
  }
  return { ...best, evaluations };
}

/** Lower finite value wins; NaN never does. */
const better = (a: MinimizeResult, b: MinimizeResult): boolean =>
  Number.isFinite(a.value) && (!Number.isFinite(b.value) || a.value < b.value);

/**
 * Finish a search done on a subsample on every row: BFGS from the search's optimum (and any warm
 * start) seeded with the search's curvature, which both objectives share (they are means per
 * customer), so a few iterations suffice.
 */
export function polish(fn: Objective, search: MinimizeResult, extraStarts: Float64Array[], options: MinimizeOptions): MultiStartResult {
  const tolerances = { relTol: POLISH_REL_TOL, gradTol: POLISH_GRAD_TOL, ...options };
  return fitBest(fn, [search.theta, ...extraStarts], { ...tolerances, ...(search.inverseHessian && { inverseHessian: search.inverseHessian }) });
}

/**
 * Polishing tolerances. A mean over hundreds of thousands of rows carries rounding noise near
 * 1e-14, so the default 1e-13 made the last line searches hunt for decreases that rounding hides
 * (40 evaluations each); 1e-12 on the mean negative log-likelihood still pins log-parameters far
 * below any meaningful precision.
 */
const POLISH_REL_TOL = 1e-12;
const POLISH_GRAD_TOL = 1e-8;
