/**
 * Points in a row-major flat array: point i's coordinates are data[i*d .. i*d + d). One flat
 * Float64Array keeps every kernel's inner loop free of per-point objects and allocations.
 */
export interface Points {
  data: Float64Array;
  n: number;
  d: number;
}

/**
 * The rows `indices` of `points`, copied into a new compact matrix (a subsample to fit on).
 *
 * @example gatherRows({ data: Float64Array.of(0, 0, 5, 5, 9, 9), n: 3, d: 2 }, Int32Array.of(2)).data // [9, 9]
 */
export function gatherRows(points: Points, indices: Int32Array): Points {
  const { data, d } = points;
  const out = new Float64Array(indices.length * d);
  for (let s = 0; s < indices.length; s++) out.set(data.subarray(indices[s]! * d, indices[s]! * d + d), s * d);
  return { data: out, n: indices.length, d };
}
