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
}

/** Stopping rules shared by the minimisers. */
export interface MinimizeOptions {
  /** Iteration cap. */
  maxIterations?: number;
  /** Converged when |Δf| ≤ relTol·max(1, |f|) on an accepted step. */
  relTol?: number;
  /** Converged when max |∇f| ≤ gradTol. */
  gradTol?: number;
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
