/**
 * A function to minimise over ℝⁿ: returns f(θ) and writes ∇f(θ) into `grad`. Non-finite values
 * mean "outside the usable region" and make line searches step back.
 */
export type Objective = (theta: Float64Array, grad: Float64Array) => number;

/** Where a minimiser stopped and why. */
export interface MinimizeResult {
  theta: Float64Array;
  value: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
  message: string;
  /** BFGS's inverse-Hessian approximation where it stopped, to seed a related minimisation. */
  inverseHessian?: Float64Array[];
}

/** Stopping rules shared by the minimisers. */
export interface MinimizeOptions {
  /** Iteration cap. */
  maxIterations?: number;
  /** Converged when |Δf| ≤ relTol·max(1, |f|) on an accepted step. */
  relTol?: number;
  /** Converged when max |∇f| ≤ gradTol. */
  gradTol?: number;
  /**
   * BFGS only: the starting inverse-Hessian approximation (default: the identity, scaled after the
   * first step). A fit polished on all rows after a search on a subsample passes the search's, so
   * the polish starts with the right curvature instead of relearning it with costly line searches.
   */
  inverseHessian?: Float64Array[];
}

/** Largest absolute entry: the gradient norm the stopping rules use. */
export function maxAbs(v: Float64Array): number {
  let m = 0;
  for (const x of v) m = Math.max(m, Math.abs(x));
  return m;
}

/** Dot product of equal-length vectors. */
export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/**
 * Restrict an objective to the box |θᵢ| ≤ limit by reporting +∞ outside it, which line searches
 * treat as "too far". On log-parameters a limit of 60 (e^±60 ≈ 1e±26) is far beyond any real
 * optimum but keeps degenerate data from driving parameters to 1e275 or denormals.
 *
 * @example withinBox(objective, 60)
 */
export function withinBox(fn: Objective, limit: number): Objective {
  return (theta, grad) => (theta.every((t) => Math.abs(t) <= limit) ? fn(theta, grad) : Number.POSITIVE_INFINITY);
}

/** The box used for log-parameters of all model fits. */
export const MAX_LOG_PARAM = 60;
