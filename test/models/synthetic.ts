/** A seeded uniform generator on [0, 1) (mulberry32), so synthetic fits are reproducible. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const normal = (u: () => number): number => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());

/** Gamma(shape, 1) by Marsaglia–Tsang, with the shape < 1 boost. */
export function gammaVariate(u: () => number, shape: number): number {
  if (shape < 1) return gammaVariate(u, shape + 1) * u() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number, v: number;
    do {
      x = normal(u);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    if (Math.log(1 - u()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** Synthetic (x, t_x, T) from a BG/NBD process; without `dropout` a pure NBD (nobody leaves). */
export interface SyntheticOptions {
  customers: number;
  r: number;
  alpha: number;
  dropout?: { a: number; b: number };
  /** Customers' ages T are spread uniformly over 1..maxT whole units. */
  maxT: number;
  seed: number;
}

/**
 * Simulate customers: rate λ ~ Gamma(r, α); with `dropout`, p ~ Beta(a, b) and the customer leaves
 * right after each repeat purchase with probability p (the BG/NBD story). Times are rounded to
 * 1/7 of a unit, like days inside weeks.
 */
export function simulate(o: SyntheticOptions): { x: Float64Array; tx: Float64Array; T: Float64Array } {
  const u = mulberry32(o.seed);
  const x = new Float64Array(o.customers), tx = new Float64Array(o.customers), T = new Float64Array(o.customers);
  for (let i = 0; i < o.customers; i++) {
    const lambda = gammaVariate(u, o.r) / o.alpha;
    let p = 0;
    if (o.dropout) {
      const g1 = gammaVariate(u, o.dropout.a);
      p = g1 / (g1 + gammaVariate(u, o.dropout.b));
    }
    T[i] = 1 + Math.floor(u() * o.maxT);
    let t = 0, last = 0, count = 0;
    for (;;) {
      t += -Math.log(1 - u()) / lambda;
      if (t > T[i]!) break;
      count++;
      last = t;
      if (u() < p) break;
    }
    x[i] = count;
    tx[i] = Math.min(T[i]!, Math.round(last * 7) / 7);
  }
  return { x, tx, T };
}
