import type { ClusterInput } from './clusterCustomers.js';

/**
 * The k range, its start lowered to the customers there are (never below 2): a tiny base still
 * gets clusters.
 *
 * @example fitRange([3, 8], 2) // [2, 8]
 */
export const fitRange = ([lo, hi]: readonly [number, number], n: number): [number, number] => [Math.max(2, Math.min(lo, n)), Math.max(2, Math.min(lo, n), hi)];

/**
 * The inputs restricted to the customers kept for clustering (compact, in customer order); the
 * arrays themselves when every customer is kept.
 *
 * @example keptInput(input, setAside(input).kept).monetary.length // customers clustered
 */
export function keptInput(input: ClusterInput, kept: Int32Array): ClusterInput {
  const take = (values: ArrayLike<number>): Float64Array => {
    if (kept.length === values.length && values instanceof Float64Array) return values;
    // a plain loop: Float64Array.from with a map function goes through the iterator, ~50× slower
    const out = new Float64Array(kept.length);
    for (let s = 0; s < kept.length; s++) out[s] = values[kept[s]!]!;
    return out;
  };
  const out: ClusterInput = {
    recencyDays: take(input.recencyDays),
    frequency: take(input.frequency),
    monetary: take(input.monetary),
    ...(input.extra && { extra: Object.fromEntries(Object.entries(input.extra).map(([k, v]) => [k, take(v)])) }),
    ...(input.gapMean && { gapMean: take(input.gapMean) }),
  };
  if (input.segment) out.segment = { index: take(input.segment.index), names: input.segment.names };
  return out;
}

