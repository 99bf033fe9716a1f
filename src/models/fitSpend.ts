import { fitBest, polish } from './fit.js';
import { gammaGammaLogLikelihood } from './gammagamma.js';
import { MAX_LOG_PARAM, withinBox, type Objective } from './objective.js';
import { prepareSpend, type PreparedSpend } from './prepare.js';
import { SEARCH_ROWS, subsampleRows } from './subsample.js';
import type { GammaGammaParams, SpendRows } from './types.js';

/** A fitted Gamma-Gamma model, with how many customers were used and left out. */
export interface SpendFit {
  params: GammaGammaParams;
  logLikelihood: number;
  iterations: number;
  converged: boolean;
  message: string;
  /** Repeat buyers with m̄ > 0 that the fit used. */
  used: number;
  /** Customers left out: no repeat purchase (x = 0) or m̄ ≤ 0 after returns. */
  excluded: number;
}

/** Fitting options: `warmStart` is typically last run's optimum. */
export interface SpendFitOptions {
  warmStart?: GammaGammaParams;
  maxIterations?: number;
}

/** Keep the rows the model is defined for: x > 0 and a positive, finite m̄. */
function usable(rows: SpendRows): { kept: SpendRows; used: number; excluded: number } {
  const keep: number[] = [];
  let used = 0, excluded = 0;
  for (let i = 0; i < rows.x.length; i++) {
    const ok = rows.x[i]! > 0 && rows.mbar[i]! > 0 && Number.isFinite(rows.mbar[i]!);
    if (ok) {
      keep.push(i);
      used += rows.weight[i]!;
    } else excluded += rows.weight[i]!;
  }
  const pick = (c: Float64Array): Float64Array => Float64Array.from(keep, (i) => c[i]!);
  return { kept: { x: pick(rows.x), mbar: pick(rows.mbar), weight: pick(rows.weight) }, used, excluded };
}

/** θ = (ln p, ln(q − 1), ln γ) → parameters; q > 1 by construction. */
const params = (theta: Float64Array): GammaGammaParams => ({
  p: Math.exp(theta[0]!),
  q: 1 + Math.exp(theta[1]!),
  gamma: Math.exp(theta[2]!),
});

/**
 * Fit the Gamma-Gamma spend model on customers' (x, m̄) rows (compressed or not). Customers with
 * x = 0 or m̄ ≤ 0 are excluded and counted. Starts: (p, q, γ) = (1, 2, 1), γ scaled to the mean
 * spend, and the optional warm start; BFGS over (ln p, ln(q − 1), ln γ).
 *
 * @example fitGammaGamma(compressSpend(x, zbar)).params // CDNOW: p 6.2496, q 3.7442, γ 15.4435
 */
export function fitGammaGamma(rows: SpendRows, options: SpendFitOptions = {}): SpendFit {
  const { kept, used, excluded } = usable(rows);
  if (used === 0) throw new RangeError('cannot fit the Gamma-Gamma model: no repeat buyer with positive mean spend');
  let meanSpend = 0;
  for (let i = 0; i < kept.x.length; i++) meanSpend += (kept.weight[i]! * kept.mbar[i]!) / used;
  const prepared = prepareSpend(kept); // index distinct x once for every evaluation
  const objective = (rows: PreparedSpend, total: number): Objective => (theta, grad) => {
    const v = gammaGammaLogLikelihood(params(theta), rows, grad);
    for (let i = 0; i < grad.length; i++) grad[i] = -grad[i]! / total;
    return -v / total;
  };
  const fn = objective(prepared, used);
  const log = (p: GammaGammaParams): Float64Array => Float64Array.of(Math.log(p.p), Math.log(p.q - 1), Math.log(p.gamma));
  const starts = [
    log({ p: 1, q: 2, gamma: 1 }),
    log({ p: 1, q: 2, gamma: meanSpend }),
    ...(options.warmStart && options.warmStart.q > 1 ? [log(options.warmStart)] : []),
  ];
  const opts = { maxIterations: options.maxIterations ?? 200 };
  // Large tables: search the starts on a subsample, polish the best and the warm start on all rows.
  const search = kept.x.length > SEARCH_ROWS ? prepareSpend(subsampleRows({ x: kept.x, mbar: kept.mbar, weight: kept.weight }, SEARCH_ROWS)) : null;
  const best = search
    ? polish(withinBox(fn, MAX_LOG_PARAM), fitBest(withinBox(objective(search, search.weight.reduce((s, w) => s + w, 0)), MAX_LOG_PARAM), starts.slice(0, 2), opts), starts.slice(2), opts)
    : fitBest(withinBox(fn, MAX_LOG_PARAM), starts, opts);
  const note = excluded > 0 ? `; ${excluded} customers excluded (no repeat purchase or mean spend ≤ 0)` : '';
  return {
    params: params(best.theta),
    logLikelihood: -best.value * used,
    iterations: best.iterations,
    converged: best.converged,
    message: best.message + note,
    used,
    excluded,
  };
}
