import { describe, expect, it } from 'vitest';
import { countChanged } from '../../src/cluster/countChanged.js';
import { hungarian } from '../../src/cluster/hungarian.js';
import { mulberry32 } from '../../src/cluster/random.js';
import { permuteRows, relabel } from '../../src/cluster/relabel.js';
import { stableIds } from '../../src/cluster/stableIds.js';

/** Minimum assignment cost by trying every injective map of rows to columns. */
function bruteForce(cost: Float64Array, rows: number, cols: number): number {
  const best = (row: number, used: Set<number>): number => {
    if (row === rows) return 0;
    let min = Number.POSITIVE_INFINITY;
    for (let c = 0; c < cols; c++) {
      if (used.has(c)) continue;
      used.add(c);
      min = Math.min(min, cost[row * cols + c]! + best(row + 1, used));
      used.delete(c);
    }
    return min;
  };
  return rows <= cols ? best(0, new Set()) : bruteForceTransposed(cost, rows, cols);
}

function bruteForceTransposed(cost: Float64Array, rows: number, cols: number): number {
  const t = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) t[j * rows + i] = cost[i * cols + j]!;
  return bruteForce(t, cols, rows);
}

describe('hungarian', () => {
  it('finds the minimum-cost assignment (brute force is the oracle), square and rectangular', () => {
    const random = mulberry32(17);
    for (const [rows, cols] of [[5, 5], [6, 6], [3, 6], [6, 3], [1, 4]] as const) {
      for (let trial = 0; trial < 20; trial++) {
        const cost = Float64Array.from({ length: rows * cols }, () => Math.floor(random() * 20));
        const match = hungarian(cost, rows, cols);
        const cols_ = [...match].filter((c) => c >= 0);
        expect(new Set(cols_).size).toBe(Math.min(rows, cols));
        const total = [...match].reduce((acc, c, r) => acc + (c >= 0 ? cost[r * cols + c]! : 0), 0);
        expect(total).toBe(bruteForce(cost, rows, cols));
      }
    }
  });

  it('beats greedy matching where the closest pair is a trap', () => {
    // Greedy takes (0,0) at cost 1 and must then pay 100 for (1,1); the optimum pays 2 + 2.
    expect([...hungarian(Float64Array.of(1, 2, 2, 100), 2, 2)]).toEqual([1, 0]);
  });
});

describe('stableIds', () => {
  const d = 2;
  const old = Float64Array.of(0, 0, 10, 0, 0, 10, 10, 10);
  const monetary = Float64Array.of(5, 50, 500, 5000);

  it('gives each new cluster the id of the nearest old one (minimum total distance)', () => {
    // Fitted clusters come out in another order and moved a little.
    const fitted = Float64Array.of(10.3, 9.8, 0.2, 0.1, 0.1, 10.4, 9.6, 0.3);
    const labels = Int32Array.of(0, 1, 2, 3);
    const { idOf, previousId } = stableIds({ centres: fitted, k: 4, d, labels, monetary, previous: old });
    expect([...idOf]).toEqual([3, 0, 2, 1]);
    expect([...previousId]).toEqual([0, 1, 2, 3]);
    expect([...permuteRows(fitted, d, idOf)].map(Math.round)).toEqual([...old]);
    expect([...relabel(labels, idOf)]).toEqual([3, 0, 2, 1]);
  });

  it('without a previous run orders clusters by mean spend, highest first', () => {
    const labels = Int32Array.of(0, 1, 2, 3, 3);
    const spend = Float64Array.of(5, 500, 50, 5000, 7000);
    expect([...stableIds({ centres: old, k: 4, d, labels, monetary: spend }).idOf]).toEqual([3, 1, 2, 0]);
  });

  it('when k grew, new clusters take the free ids by spend; when it shrank, ids stay below k', () => {
    const grown = Float64Array.of(0, 0, 5, 5, 10, 0, 0, 10, 10, 10);
    const grew = stableIds({ centres: grown, k: 5, d, labels: Int32Array.of(0, 1, 2, 3, 4), monetary: Float64Array.of(1, 2, 3, 4, 5), previous: old });
    expect([...grew.idOf]).toEqual([0, 4, 1, 2, 3]);
    expect([...grew.previousId]).toEqual([0, 1, 2, 3, -1]);
    const shrunk = Float64Array.of(10, 10, 0, 0);
    const shrank = stableIds({ centres: shrunk, k: 2, d, labels: Int32Array.of(0, 1), monetary: Float64Array.of(9, 1), previous: old });
    // Old cluster 3 matched, but id 3 does not exist with k = 2: it takes the free id 1.
    expect([...shrank.idOf]).toEqual([1, 0]);
    expect([...shrank.previousId]).toEqual([0, 3]);
  });
});

describe('countChanged', () => {
  it('counts customers in another cluster than last run, skipping customers last run lacked', () => {
    const c = countChanged(Int32Array.of(0, 1, 2, -1, 1), Int32Array.of(0, 2, 2, 0, 0));
    expect(c).toMatchObject({ compared: 4, changed: 2 });
    // by hand: no pair together in both; 1 pair together last run, 2 now → expected 1·2/6, max 1.5
    expect(c.ari).toBeCloseTo((0 - 1 / 3) / (1.5 - 1 / 3), 12);
  });

  it('skips customers set aside this run (label −1) as it skips those last run lacked', () => {
    expect(countChanged(Int32Array.of(0, 1, 1), Int32Array.of(0, -1, 1))).toMatchObject({ compared: 2, changed: 0 });
  });

  it("gives scikit-learn's adjusted Rand index on its documented examples", () => {
    const ari = (a: number[], b: number[]) => countChanged(Int32Array.from(a), Int32Array.from(b)).ari;
    expect(ari([0, 0, 1, 1], [1, 1, 0, 0])).toBeCloseTo(1, 12); // the same grouping under other ids
    expect(ari([0, 0, 1, 2], [0, 0, 1, 1])).toBeCloseTo(0.5714285714285715, 12);
    expect(ari([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 12);
    expect(countChanged(Int32Array.of(0, 0, 1, 1), Int32Array.of(1, 1, 0, 0)).changed).toBe(4); // ids all differ
  });
});
