import { dot, type Objective } from './objective.js';

const C1 = 1e-4; // sufficient decrease (Armijo)
const C2 = 0.9; // curvature: loose, as usual for quasi-Newton methods
const MAX_EVALS = 40;

/** The accepted point of a line search, or `ok: false` when no decrease could be found. */
export interface LineSearchResult {
  ok: boolean;
  step: number;
  value: number;
  theta: Float64Array;
  grad: Float64Array;
  evaluations: number;
}

interface Point {
  step: number;
  value: number;
  slope: number;
  theta: Float64Array;
  grad: Float64Array;
}

/**
 * Strong-Wolfe line search (Nocedal & Wright, algorithms 3.5–3.6) along a descent direction,
 * with safeguarded cubic interpolation. Non-finite values (overflow far out in log-parameter
 * space) count as "too far" and shrink the step. When rounding makes the Wolfe conditions
 * unreachable it returns the best sufficient-decrease point it saw instead of failing.
 *
 * @example strongWolfe(fn, theta, value, grad, direction, 1)
 */
export function strongWolfe(
  fn: Objective,
  theta: Float64Array,
  value: number,
  grad: Float64Array,
  direction: Float64Array,
  initialStep: number,
): LineSearchResult {
  const slope0 = dot(grad, direction);
  let evaluations = 0;
  let best: Point | undefined;
  const at = (step: number): Point => {
    evaluations++;
    const t = Float64Array.from(theta, (v, i) => v + step * direction[i]!);
    const g = new Float64Array(theta.length);
    let f = fn(t, g);
    if (!Number.isFinite(f) || !g.every(Number.isFinite)) f = Number.POSITIVE_INFINITY;
    const p = { step, value: f, slope: Number.isFinite(f) ? dot(g, direction) : Number.NaN, theta: t, grad: g };
    if (f <= value + C1 * step * slope0 && f < (best?.value ?? value)) best = p;
    return p;
  };
  const done = (p: Point | undefined): LineSearchResult =>
    p
      ? { ok: true, step: p.step, value: p.value, theta: p.theta, grad: p.grad, evaluations }
      : { ok: false, step: 0, value, theta, grad, evaluations };
  const wolfe = (p: Point): boolean => Math.abs(p.slope) <= -C2 * slope0;
  const armijo = (p: Point): boolean => p.value <= value + C1 * p.step * slope0;

  const zoom = (lo: Point, hi: Point): LineSearchResult => {
    while (evaluations < MAX_EVALS) {
      const p = at(interpolate(lo, hi));
      if (!armijo(p) || p.value >= lo.value) hi = p;
      else {
        if (wolfe(p)) return done(p);
        if (p.slope * (hi.step - lo.step) >= 0) hi = lo;
        lo = p;
      }
      if (Math.abs(hi.step - lo.step) <= 1e-14 * Math.max(1, lo.step)) break;
    }
    return done(best);
  };

  let prev: Point = { step: 0, value, slope: slope0, theta, grad };
  let step = initialStep;
  while (evaluations < MAX_EVALS) {
    const p = at(step);
    if (!Number.isFinite(p.value)) {
      step = prev.step + (step - prev.step) / 4; // overflow: come back towards the last good point
      if (step - prev.step <= 1e-16) break;
      continue;
    }
    if (!armijo(p) || (prev.step > 0 && p.value >= prev.value)) return zoom(prev, p);
    if (wolfe(p)) return done(p);
    if (p.slope >= 0) return zoom(p, prev);
    prev = p;
    step *= 2;
  }
  return done(best);
}

/**
 * A trial step between lo and hi: the minimiser of the cubic through both points' values and
 * slopes when it lies well inside, else the midpoint.
 */
function interpolate(lo: Point, hi: Point): number {
  const d = hi.step - lo.step;
  if (Number.isFinite(hi.value) && Number.isFinite(hi.slope)) {
    const d1 = lo.slope + hi.slope - (3 * (lo.value - hi.value)) / (lo.step - hi.step);
    const disc = d1 * d1 - lo.slope * hi.slope;
    if (disc >= 0) {
      const d2 = Math.sign(d) * Math.sqrt(disc);
      const s = hi.step - d * ((hi.slope + d2 - d1) / (hi.slope - lo.slope + 2 * d2));
      const lower = Math.min(lo.step, hi.step), upper = Math.max(lo.step, hi.step);
      const margin = 0.1 * Math.abs(d);
      if (Number.isFinite(s) && s > lower + margin && s < upper - margin) return s;
    }
  }
  return lo.step + d / 2;
}
