import { strongWolfe } from './lineSearch.js';
import { dot, maxAbs, type MinimizeOptions, type MinimizeResult, type Objective } from './objective.js';

/** Largest first step in any coordinate: log-parameters move by at most e⁵ ≈ 150× at once. */
const MAX_FIRST_STEP = 5;

/**
 * BFGS quasi-Newton minimisation with a strong-Wolfe line search. Converges on a small gradient
 * or a negligible relative change of f. It never throws on "precision loss": when the line
 * search can make no progress (typical within rounding of the optimum) it resets the Hessian
 * approximation once, then returns the best point with `converged` telling whether the gradient
 * there is small and `message` saying what happened.
 *
 * @example bfgs((t, g) => { g[0] = 2 * (t[0]! - 3); return (t[0]! - 3) ** 2; }, Float64Array.of(0)).theta // [3]
 */
export function bfgs(fn: Objective, start: Float64Array, options: MinimizeOptions = {}): MinimizeResult {
  const { maxIterations = 200, relTol = 1e-13, gradTol = 1e-9 } = options;
  const n = start.length;
  let theta: Float64Array = Float64Array.from(start);
  let grad: Float64Array = new Float64Array(n);
  let value = fn(theta, grad);
  let evaluations = 1;
  let H = options.inverseHessian?.length === n ? options.inverseHessian.map((row) => Float64Array.from(row)) : identity(n);
  let fresh = options.inverseHessian?.length !== n; // H is (a multiple of) the identity: the step size is not yet calibrated
  const result = (iterations: number, converged: boolean, message: string): MinimizeResult => ({
    theta, value, iterations, evaluations, converged, message, inverseHessian: H,
  });
  if (!Number.isFinite(value) || !grad.every(Number.isFinite)) {
    return result(0, false, 'objective is not finite at the starting point');
  }
  let resets = 0;
  let stalls = 0; // consecutive negligible improvements; one alone can be a poor direction
  for (let it = 1; it <= maxIterations; it++) {
    if (maxAbs(grad) <= gradTol) return result(it - 1, true, 'gradient below tolerance');
    let direction = matVec(H, grad).map((v) => -v);
    if (!(dot(direction, grad) < 0)) {
      H = identity(n);
      fresh = true;
      direction = grad.map((v) => -v);
    }
    const longest = maxAbs(direction);
    const step0 = fresh && longest > MAX_FIRST_STEP ? MAX_FIRST_STEP / longest : 1;
    const ls = strongWolfe(fn, theta, value, grad, direction, step0);
    evaluations += ls.evaluations;
    if (!ls.ok) {
      if (!fresh && resets++ < 1) {
        H = identity(n);
        fresh = true;
        continue;
      }
      const small = maxAbs(grad) <= Math.sqrt(gradTol);
      return result(it, small, `stopped at the precision limit (line search found no decrease; |grad| = ${maxAbs(grad).toExponential(2)})`);
    }
    const s = ls.theta.map((v, i) => v - theta[i]!);
    const y = ls.grad.map((v, i) => v - grad[i]!);
    const change = value - ls.value;
    theta = ls.theta;
    grad = ls.grad;
    value = ls.value;
    const sy = dot(s, y);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (fresh) H = scaled(identity(n), sy / dot(y, y));
      H = bfgsUpdate(H, s, y, sy);
      fresh = false;
    }
    stalls = change <= relTol * Math.max(1, Math.abs(value)) ? stalls + 1 : 0;
    if (stalls >= 2) return result(it, true, 'relative change of the objective below tolerance');
  }
  return result(maxIterations, maxAbs(grad) <= Math.sqrt(gradTol), `iteration cap (${maxIterations}) reached`);
}

const identity = (n: number): Float64Array[] =>
  Array.from({ length: n }, (_, i) => Float64Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));

const scaled = (m: Float64Array[], k: number): Float64Array[] => m.map((row) => row.map((v) => v * k));

const matVec = (m: Float64Array[], v: Float64Array): Float64Array => Float64Array.from(m, (row) => dot(row, v));

/** Inverse-Hessian update H ← (I − ρsyᵀ)H(I − ρysᵀ) + ρssᵀ, ρ = 1/(sᵀy). */
function bfgsUpdate(H: Float64Array[], s: Float64Array, y: Float64Array, sy: number): Float64Array[] {
  const rho = 1 / sy;
  const Hy = matVec(H, y);
  const yHy = dot(y, Hy);
  return H.map((row, i) =>
    row.map((h, j) => h - rho * (Hy[i]! * s[j]! + s[i]! * Hy[j]!) + (rho * rho * yHy + rho) * s[i]! * s[j]!),
  );
}
