/** How many customers last run also labelled, and how many of them are now in another cluster. */
export interface ChangeCount {
  compared: number;
  changed: number;
}

/**
 * Customers whose cluster id changed since last run. `previous` is aligned with `labels` by
 * customer index, with −1 for customers last run did not have (they are not compared).
 *
 * @example countChanged(Int32Array.of(0, 1, -1), Int32Array.of(0, 2, 1)) // { compared: 2, changed: 1 }
 */
export function countChanged(previous: Int32Array, labels: Int32Array): ChangeCount {
  let compared = 0;
  let changed = 0;
  for (let i = 0; i < labels.length; i++) {
    if (previous[i]! < 0) continue;
    compared++;
    if (previous[i] !== labels[i]) changed++;
  }
  return { compared, changed };
}
