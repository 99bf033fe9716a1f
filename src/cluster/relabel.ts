/**
 * Labels renamed through `idOf` (fitted index → stable id), as a new array.
 *
 * @example relabel(Int32Array.of(0, 1, 1), Int32Array.of(1, 0)) // Int32Array [1, 0, 0]
 */
export function relabel(labels: Int32Array, idOf: Int32Array): Int32Array {
  const out = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) out[i] = idOf[labels[i]!]!;
  return out;
}

/**
 * Rows of a k×d matrix moved to their stable ids: row c goes to row idOf[c].
 *
 * @example permuteRows(Float64Array.of(1, 1, 2, 2), 2, Int32Array.of(1, 0)) // [2, 2, 1, 1]
 */
export function permuteRows(rows: Float64Array, d: number, idOf: Int32Array): Float64Array {
  const out = new Float64Array(rows.length);
  idOf.forEach((id, c) => out.set(rows.subarray(c * d, c * d + d), id * d));
  return out;
}
