import type { MinimizeOptions, MinimizeResult, Objective } from './objective.js';

/**
 * Derivative-free Nelder–Mead simplex minimisation (adaptive coefficients of Gao & Han 2012),
 * the fallback when BFGS cannot converge, e.g. on a surface that is flat up to rounding. The
 * gradient buffer passed to `fn` is scratch. Non-finite values count as +∞.
 *
 * @example nelderMead((t) => (t[0]! - 3) ** 2, Float64Array.of(0)).theta // ≈ [3]
 */
export function nelderMead(fn: Objective, start: Float64Array, options: MinimizeOptions & { scale?: number } = {}): MinimizeResult {
  const { maxIterations = 5000, relTol = 1e-13, scale = 0.5 } = options;
  const n = start.length;
  const scratch = new Float64Array(n);
  let evaluations = 0;
  const f = (t: Float64Array): number => {
    evaluations++;
    const v = fn(t, scratch);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  const alpha = 1, beta = 1 + 2 / n, gamma = 0.75 - 1 / (2 * n), delta = 1 - 1 / n;
  const pts: Float64Array[] = [Float64Array.from(start)];
  for (let i = 0; i < n; i++) {
    const p = Float64Array.from(start);
    p[i] = p[i]! + scale;
    pts.push(p);
  }
  let vals = pts.map(f);
  const along = (c: Float64Array, worst: Float64Array, k: number): Float64Array =>
    c.map((v, j) => v + k * (v - worst[j]!));
  let it = 0;
  for (; it < maxIterations; it++) {
    const order = vals.map((_, i) => i).sort((i, j) => vals[i]! - vals[j]!);
    const sorted = order.map((i) => pts[i]!);
    vals = order.map((i) => vals[i]!);
    pts.splice(0, pts.length, ...sorted);
    const bestV = vals[0]!, worstV = vals[n]!;
    const size = Math.max(...pts.slice(1).map((p) => Math.max(...p.map((v, j) => Math.abs(v - pts[0]![j]!)))));
    if (Math.abs(worstV - bestV) <= relTol * Math.max(1, Math.abs(bestV)) && size <= 1e-8) {
      return { theta: pts[0]!, value: bestV, iterations: it, evaluations, converged: true, message: 'simplex collapsed' };
    }
    const centroid = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] = centroid[j]! + pts[i]![j]! / n;
    const worst = pts[n]!;
    const xr = along(centroid, worst, alpha);
    const fr = f(xr);
    if (fr < bestV) {
      const xe = along(centroid, worst, alpha * beta);
      const fe = f(xe);
      [pts[n], vals[n]] = fe < fr ? [xe, fe] : [xr, fr];
    } else if (fr < vals[n - 1]!) {
      [pts[n], vals[n]] = [xr, fr];
    } else {
      const outside = fr < worstV;
      const xc = along(centroid, worst, outside ? alpha * gamma : -gamma);
      const fc = f(xc);
      if (fc < (outside ? fr : worstV)) {
        [pts[n], vals[n]] = [xc, fc];
      } else {
        for (let i = 1; i <= n; i++) {
          pts[i] = pts[i]!.map((v, j) => pts[0]![j]! + delta * (v - pts[0]![j]!));
          vals[i] = f(pts[i]!);
        }
      }
    }
  }
  const b = vals.indexOf(Math.min(...vals));
  return { theta: pts[b]!, value: vals[b]!, iterations: it, evaluations, converged: false, message: `iteration cap (${maxIterations}) reached` };
}
