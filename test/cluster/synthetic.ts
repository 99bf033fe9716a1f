import type { Points } from '../../src/cluster/points.js';
import { mulberry32, type Random } from '../../src/cluster/random.js';

/** A standard normal draw (Box–Muller) from a seeded source. */
export function gaussian(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Points scattered around `centres` with standard deviation `sd`; truth = the centre drawn. */
export function blobs(n: number, centres: number[][], sd: number, seed: number): { points: Points; truth: Int32Array } {
  const random = mulberry32(seed);
  const d = centres[0]!.length;
  const data = new Float64Array(n * d);
  const truth = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = Math.floor(random() * centres.length);
    truth[i] = c;
    for (let j = 0; j < d; j++) data[i * d + j] = centres[c]![j]! + sd * gaussian(random);
  }
  return { points: { data, n, d }, truth };
}

/** A kind of customer: typical recency (days), orders and spend. */
export type Archetype = [recencyDays: number, frequency: number, monetary: number];

/** Four kinds of customer, far apart in log space. */
export const ARCHETYPES: Archetype[] = [
  [5, 20, 5000], // recent, frequent, big spenders
  [400, 1, 30], // lapsed one-timers
  [30, 4, 400],
  [150, 8, 1200],
];

/** Customers drawn around archetypes with log-normal noise; truth = the archetype drawn. */
export function customers(n: number, archetypes: Archetype[], seed: number, noise = 0.1) {
  const random = mulberry32(seed);
  const recencyDays = new Float64Array(n);
  const frequency = new Float64Array(n);
  const monetary = new Float64Array(n);
  const truth = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    truth[i] = Math.floor(random() * archetypes.length);
    drawCustomer(archetypes[truth[i]!]!, random, noise, i, recencyDays, frequency, monetary);
  }
  return { recencyDays, frequency, monetary, truth };
}

/** Fill customer i with a draw around one archetype. */
export function drawCustomer(
  [r, f, m]: Archetype,
  random: Random,
  noise: number,
  i: number,
  recencyDays: Float64Array,
  frequency: Float64Array,
  monetary: Float64Array,
): void {
  recencyDays[i] = Math.round(r * Math.exp(noise * gaussian(random)));
  frequency[i] = Math.max(1, Math.round(f * Math.exp(noise * gaussian(random))));
  monetary[i] = m * Math.exp(noise * gaussian(random));
}

/** True when two labelings are the same partition (equal up to renaming the clusters). */
export function samePartition(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  const ab = new Map<number, number>();
  const ba = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    if ((ab.get(a[i]!) ?? b[i]) !== b[i] || (ba.get(b[i]!) ?? a[i]) !== a[i]) return false;
    ab.set(a[i]!, b[i]!);
    ba.set(b[i]!, a[i]!);
  }
  return true;
}

/** Row-major k×d centres as number[][] (the shape ml-kmeans takes). */
export function rows(flat: Float64Array, d: number): number[][] {
  return Array.from({ length: flat.length / d }, (_, c) => Array.from(flat.subarray(c * d, c * d + d)));
}

/** Point rows as number[][]. */
export const toArrays = (points: Points): number[][] => rows(points.data, points.d);
