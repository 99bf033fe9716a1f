import { quantilesOf } from './quantile.js';

/**
 * Why a customer is kept out of k-means, as stored in customer_scores.cluster_set_aside. Each
 * group would distort the geometry (a marketplace account's spend, a zero-spend spike of returns
 * cancelling purchases, a handful of extreme buyers) and is shown as a named group of its own.
 * Order = precedence: a house account with no net spend counts as a house account.
 */
export const SET_ASIDE_REASONS = ['house_account', 'no_net_spend', 'outlier'] as const;
export type SetAsideReason = (typeof SET_ASIDE_REASONS)[number];

/**
 * The extreme-outlier rule (Tukey's "far out" fence on the log scale): a customer whose
 * log1p(value) of any of OUTLIER_FEATURES lies above Q3 + fence · max(IQR, minIqr), where Q1 and
 * Q3 are log1p of the value's quartiles over the customers not already set aside. MIN_IQR = ln 2 (a doubling) keeps a
 * base where most customers share one value (one order) from calling every other value extreme.
 * Only the upper side: the lower side is bounded (one order; no net spend is its own group).
 */
export const OUTLIER_RULE = { fence: 3, minIqr: Math.LN2 } as const;
export const OUTLIER_FEATURES = ['frequency', 'monetary', 'avg_order_value'] as const;

/** What the set-aside step reads, aligned by customer index. */
export interface SetAsideInput {
  frequency: Float64Array;
  monetary: Float64Array;
  /** 1 for house accounts (customer_summary.house_account), else 0; all 0 when absent. */
  houseAccount?: ArrayLike<number>;
}

/** The outcome: a code per customer and what the outlier fences were. */
export interface SetAsideResult {
  /** 0 = clustered, else 1 + the index of the reason in SET_ASIDE_REASONS. */
  code: Uint8Array;
  /** Customers per reason, in SET_ASIDE_REASONS order. */
  counts: number[];
  /** Indexes of the customers to cluster, ascending. */
  kept: Int32Array;
  /** Per outlier feature: the fence in original units (values above it are outliers). */
  fences: Record<string, number>;
}

/**
 * Sort customers into "to cluster" and the named set-aside groups: house accounts, no net spend
 * (net spend ≤ 0: returns cancelling purchases), extreme outliers (OUTLIER_RULE). O(n) plus one
 * quantile selection per outlier feature.
 *
 * @example setAside({ frequency, monetary }).counts // [0, 210, 35]
 */
export function setAside(input: SetAsideInput): SetAsideResult {
  const { frequency, monetary, houseAccount } = input;
  const n = monetary.length;
  const code = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (houseAccount !== undefined && houseAccount[i]! > 0) code[i] = 1;
    else if (!(monetary[i]! > 0)) code[i] = 2;
  }
  const candidates = indexesWith(code, 0);
  const fences: Record<string, number> = {};
  for (const feature of OUTLIER_FEATURES) {
    const values = valuesOf(feature, candidates, frequency, monetary);
    if (values.length === 0) continue;
    // log1p is monotone: the quartiles of the logs are the logs of the quartiles, and comparing
    // raw values with the fence moved back to raw units spares a million logarithms
    const [q1, q3] = quantilesOf(values, [0.25, 0.75]).map(Math.log1p) as [number, number];
    const fence = Math.expm1(q3 + OUTLIER_RULE.fence * Math.max(q3 - q1, OUTLIER_RULE.minIqr));
    fences[feature] = fence;
    for (let s = 0; s < candidates.length; s++) if (values[s]! > fence) code[candidates[s]!] = 3;
  }
  const counts = SET_ASIDE_REASONS.map(() => 0);
  for (let i = 0; i < n; i++) if (code[i]! > 0) counts[code[i]! - 1]!++;
  return { code, counts, kept: indexesWith(code, 0), fences };
}

/** One outlier feature's values for the candidates, in a plain loop (no per-value closure). */
function valuesOf(feature: (typeof OUTLIER_FEATURES)[number], rows: Int32Array, frequency: Float64Array, monetary: Float64Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let s = 0; s < rows.length; s++) {
    const i = rows[s]!;
    out[s] = feature === 'frequency' ? frequency[i]! : feature === 'monetary' ? monetary[i]! : monetary[i]! / Math.max(frequency[i]!, 1);
  }
  return out;
}

function indexesWith(code: Uint8Array, value: number): Int32Array {
  let count = 0;
  for (let i = 0; i < code.length; i++) if (code[i] === value) count++;
  const out = new Int32Array(count);
  for (let i = 0, s = 0; i < code.length; i++) if (code[i] === value) out[s++] = i;
  return out;
}
