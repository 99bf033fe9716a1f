import { quantiles } from './quantiles.js';

/** Edges at the 20/40/60/80th percentiles split a metric into quintiles. */
export const QUINTILE_PROBS = [0.2, 0.4, 0.6, 0.8] as const;

/**
 * The bin (0..edges.length) of a value. Bins are upper-inclusive, so a value equal to an edge
 * always falls in the lower bin: ties never split across scores.
 */
export function binOf(value: number, edges: readonly number[]): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Edges and 1..5 scores of one metric; 5 is best (lowest recency, highest frequency or spend). */
export interface MetricScores {
  edges: number[];
  scores: Uint8Array;
}

/**
 * Quintile scores 1–5 of a metric. `higherIsBetter` is false for recency.
 *
 * @example scoreMetric(Float64Array.of(1, 2, 3, 4, 5), true).scores // Uint8Array [1, 2, 3, 4, 5]
 */
export function scoreMetric(values: Float64Array, higherIsBetter: boolean): MetricScores {
  const edges = quantiles(values, QUINTILE_PROBS);
  const scores = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const bin = binOf(values[i]!, edges);
    scores[i] = higherIsBetter ? bin + 1 : 5 - bin;
  }
  return { edges, scores };
}
