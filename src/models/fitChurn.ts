import { bgnbdLogLikelihood } from './bgnbd.js';
import { fitBest, polish } from './fit.js';
import { mbgnbdLogLikelihood } from './mbgnbd.js';
import { nbdLogLikelihood } from './nbd.js';
import { pnbdLogLikelihood } from './pnbd.js';
import { MAX_LOG_PARAM, withinBox, type Objective } from './objective.js';
import { checkAdequacy } from './adequacy.js';
import { prepareSummary } from './prepare.js';
import { SEARCH_ROWS, subsampleRows } from './subsample.js';
import type { BgParams, ChurnKind, ChurnModel, ParetoParams, SummaryRows } from './types.js';

/** A fitted churn model with what the optimiser reports. */
export interface ChurnFit {
  params: ChurnModel;
  logLikelihood: number;
  iterations: number;
  converged: boolean;
  message: string;
  /** True when the optimum is the no-dropout limit and `params` is the NBD. */
  boundary: boolean;
  /**
   * Why the data are too thin to trust the fit (see checkAdequacy); empty when adequate. The fit is
   * still returned (finite, but possibly far from any true value): show these next to the scores.
   */
  warnings: string[];
}

/** Fitting options: `warmStart` is typically last run's optimum, tried besides the fixed starts. */
export interface ChurnFitOptions {
  /** BgParams for the BG/NBD and MBG/NBD, ParetoParams for the Pareto/NBD; ignored when of the other family. */
  warmStart?: BgParams | ParetoParams;
  maxIterations?: number;
  /** Days per model time unit (1 for days, 7 for weeks), so the history-length check can run. */
  daysPerUnit?: number;
  /**
   * Log-likelihood the dropout parameters must add over the no-dropout NBD to count as measured.
   * Default 2.996, half the 95% quantile of χ² with 2 degrees of freedom (a likelihood-ratio test
   * at 5%): without it, pure-noise data gets a spurious "dropout" off on a ray a, b → ∞. Set 0 to
   * fall back only when the optimum is numerically on the boundary.
   */
  minDropoutGain?: number;
}

/** Default of `minDropoutGain`: χ²₂(0.95) / 2. */
export const MIN_DROPOUT_GAIN = 5.991 / 2;

/** Mean dropout probability a/(a+b) below which the model cannot be told from "nobody drops out". */
const NEGLIGIBLE_DROPOUT = 1e-6;

/** Beyond this a (and b ≫ a), Beta(a, b) is close to a point mass: dropout is the same for everyone. */
const DEGENERATE_BETA = 1e4;

const NAME = { bgnbd: 'BG/NBD', mbgnbd: 'MBG/NBD', pnbd: 'Pareto/NBD' } as const;

/** Model parameters from log-parameters, in each family's order (r, α, a, b) or (r, α, s, β). */
function paramsOf(kind: ChurnKind, theta: Float64Array): ChurnModel {
  const [r, alpha, c, d] = Array.from(theta, Math.exp) as [number, number, number, number];
  return kind === 'pnbd' ? { kind, r, alpha, s: c, beta: d } : { kind, r, alpha, a: c, b: d };
}

/** The weighted log-likelihood of any fittable kind. */
function likelihood(m: ChurnModel, rows: SummaryRows, grad: Float64Array): number {
  switch (m.kind) {
    case 'bgnbd':
      return bgnbdLogLikelihood(m, rows, grad);
    case 'mbgnbd':
      return mbgnbdLogLikelihood(m, rows, grad);
    case 'pnbd':
      return pnbdLogLikelihood(m, rows, grad);
    default:
      throw new Error(`no likelihood for ${m.kind}`);
  }
}

/** Log-parameter vector of a warm start, or null when it belongs to the other family. */
function warmVector(kind: ChurnKind, p: BgParams | ParetoParams | undefined): Float64Array | null {
  if (!p) return null;
  if (kind === 'pnbd') return 's' in p ? Float64Array.of(p.r, p.alpha, p.s, p.beta).map(Math.log) : null;
  return 'a' in p ? Float64Array.of(p.r, p.alpha, p.a, p.b).map(Math.log) : null;
}

/** Mean negative log-likelihood over customers, so tolerances do not depend on the data size. */
function objective(kind: ChurnKind, rows: SummaryRows, total: number): Objective {
  return (theta, grad) => {
    const v = likelihood(paramsOf(kind, theta), rows, grad);
    for (let i = 0; i < grad.length; i++) grad[i] = -grad[i]! / total;
    return -v / total;
  };
}

function nbdObjective(rows: SummaryRows, total: number): Objective {
  return (theta, grad) => {
    const v = nbdLogLikelihood({ r: Math.exp(theta[0]!), alpha: Math.exp(theta[1]!) }, rows, grad);
    for (let i = 0; i < grad.length; i++) grad[i] = -grad[i]! / total;
    return -v / total;
  };
}

/**
 * Fit the BG/NBD, MBG/NBD or Pareto/NBD by maximum likelihood on (compressed) summary rows: BFGS over
 * log-parameters from (1,1,1,1), (1,3,1,3), a start scaled to the data's purchase rate and the
 * optional warm start, keeping the best. Above SEARCH_ROWS distinct rows the starts are searched
 * on a subsample and only the best, with the warm start, is polished on all rows. When no measurable dropout exists the likelihood keeps
 * rising towards a → 0 or b → ∞ (Pareto/NBD: s → 0 or β → ∞); that is detected by comparing with
 * the fitted NBD (the limit of all three models), and the NBD is returned with `boundary: true` and a message saying so.
 *
 * @example fitChurnModel('bgnbd', compressSummary(x, tx, T)).params // CDNOW: r 0.2426, α 4.414, a 0.7929, b 2.426
 */
export function fitChurnModel(kind: ChurnKind, summary: SummaryRows, options: ChurnFitOptions = {}): ChurnFit {
  const total = summary.weight.reduce((s, w) => s + w, 0);
  if (!(total > 0)) throw new RangeError(`cannot fit the ${NAME[kind]} without customers`);
  const rows = prepareSummary(summary); // index distinct values once for every evaluation
  const { sumX, sumT } = sums(rows);
  const log = (...v: number[]): Float64Array => Float64Array.from(v, Math.log);
  const warmStart = warmVector(kind, options.warmStart);
  const warm = warmStart ? [warmStart] : [];
  // The Pareto/NBD's β is a time scale (mean lifetime ≈ β/(s−1)): start it at the mean age.
  const starts = [
    log(1, 1, 1, 1),
    log(1, 3, 1, 3),
    ...(sumX > 0 && sumT > 0 ? [kind === 'pnbd' ? log(1, sumT / sumX, 1, sumT / total) : log(1, sumT / sumX, 1, 1)] : []),
    ...warm,
  ];
  const opts = { maxIterations: options.maxIterations ?? 200 };
  // Large tables: search the starts on a subsample, then polish the best (and the warm start) on
  // every row; small ones (≤ SEARCH_ROWS) run every start on every row.
  const search = rows.x.length > SEARCH_ROWS ? prepareSummary(subsampleRows({ x: rows.x, tx: rows.tx, T: rows.T, weight: rows.weight }, SEARCH_ROWS)) : null;
  const searchTotal = search ? search.weight.reduce((s, w) => s + w, 0) : total;
  const fullObjective = withinBox(objective(kind, rows, total), MAX_LOG_PARAM);
  const full = search ? polish(fullObjective, fitBest(withinBox(objective(kind, search, searchTotal), MAX_LOG_PARAM), starts, opts), warm, opts) : fitBest(fullObjective, starts, opts);
  const fitted = paramsOf(kind, full.theta);
  const [, , c, d] = Array.from(full.theta, Math.exp) as [number, number, number, number];
  const [cName, dName] = kind === 'pnbd' ? ['s', 'β'] : ['a', 'b'];
  // Mean dropout probability per repeat purchase (BG family) or per mean age (Pareto/NBD, rate s/β).
  const dropout = kind === 'pnbd' ? Math.min(1, (c / d) * (sumT / total)) : c / (c + d);

  const nbdStarts = [Float64Array.of(0, 0), ...(sumX > 0 && sumT > 0 ? [Float64Array.of(0, Math.log(sumT / sumX))] : [])];
  const nbdFull = withinBox(nbdObjective(rows, total), MAX_LOG_PARAM);
  const nbd = search ? polish(nbdFull, fitBest(withinBox(nbdObjective(search, searchTotal), MAX_LOG_PARAM), nbdStarts, opts), [], opts) : fitBest(nbdFull, nbdStarts, opts);
  const warnings = checkAdequacy(rows, options.daysPerUnit);
  const caveat = warnings.length > 0 ? `; too little data to trust this fit: ${warnings.join('; ')}` : '';
  const gain = (nbd.value - full.value) * total; // log-likelihood gained by allowing dropout
  const needed = Math.max(options.minDropoutGain ?? MIN_DROPOUT_GAIN, 1e-3, 1e-9 * Math.abs(full.value * total));
  if (!(gain > needed) || dropout < NEGLIGIBLE_DROPOUT) {
    return {
      params: { kind: 'nbd', r: Math.exp(nbd.theta[0]!), alpha: Math.exp(nbd.theta[1]!) },
      logLikelihood: -nbd.value * total,
      iterations: full.iterations + nbd.iterations,
      converged: nbd.converged,
      boundary: true,
      message:
        `no measurable dropout: the ${NAME[kind]} fit (${cName}=${c.toPrecision(3)}, ${dName}=${d.toPrecision(3)}) improves the ` +
        `log-likelihood by only ${gain.toPrecision(2)} over its no-dropout limit ${cName} → 0 / ${dName} → ∞ (needed ${needed.toPrecision(3)}), ` +
        `so the limiting NBD model is used: P(alive) = 1 and expected purchases r/α·t. ${nbd.message}${caveat}`,
      warnings,
    };
  }
  return {
    params: fitted,
    logLikelihood: -full.value * total,
    iterations: full.iterations,
    converged: full.converged,
    boundary: false,
    message:
      (c > DEGENERATE_BETA
        ? `${full.message}; ${cName}, ${dName} very large: the dropout ${kind === 'pnbd' ? 'rate' : 'probability'} is nearly the same for every customer`
        : full.message) + caveat,
    warnings,
  };
}

function sums(rows: SummaryRows): { sumX: number; sumT: number } {
  let sumX = 0, sumT = 0;
  for (let i = 0; i < rows.x.length; i++) {
    sumX += rows.weight[i]! * rows.x[i]!;
    sumT += rows.weight[i]! * rows.T[i]!;
  }
  return { sumX, sumT };
}
