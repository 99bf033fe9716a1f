import { clusterNameParts, type ClusterNameParts, type Level } from './names.js';
import { medianInPlace } from './median.js';
import { quantilesOf } from './quantile.js';

/**
 * The naming rules (README "Clusters"), in absolute terms so a name means the same every week:
 * - recency against the business's purchase cycle (the median gap between purchase days of the
 *   repeat customers clustered; DEFAULT_CYCLE_DAYS when there are none): "recent" within
 *   recentCycles cycles, "lapsed" beyond lapsedCycles;
 * - orders: "one-timers" below oneTimerOrders typical orders, "occasional" below occasionalOrders,
 *   "frequent" from the base's frequentQuantile of orders (at least minFrequentOrders);
 * - spend against the base's quartiles of net spend, fixed for the run: "low" below the first,
 *   "high" above the third;
 * - hysteresis: a cluster matched to last run's keeps last run's word for a metric until its
 *   typical value is more than `hysteresis` (relative) past the cut on the other side.
 * A cluster's typical values are its members' medians, the numbers the report's profile table
 * shows, so a name never contradicts its row ("one-timers" = the median member has one order).
 */
export const NAMING = {
  recentCycles: 1,
  lapsedCycles: 3,
  defaultCycleDays: 90,
  oneTimerOrders: 1.5,
  occasionalOrders: 2.5,
  frequentQuantile: 0.75,
  minFrequentOrders: 3,
  spendQuantiles: [0.25, 0.75] as const,
  hysteresis: 0.15,
} as const;

/** The cut-offs of one run, in original units (stored in cluster_runs and shown in the report). */
export interface NamingThresholds {
  cycleDays: number;
  recentDays: number;
  lapsedDays: number;
  oneTimerOrders: number;
  occasionalOrders: number;
  frequentOrders: number;
  spendLow: number;
  spendHigh: number;
}

/** A cluster's typical (median) recency (days), orders and net spend. */
export interface Typical {
  recencyDays: number;
  frequency: number;
  monetary: number;
}

/**
 * The run's naming cut-offs from the clustered customers' orders, net spend and mean gap between
 * purchase days (NaN for one-timers).
 *
 * @example namingThresholds(frequency, monetary, gapMean).spendHigh // the base's third quartile of net spend
 */
export function namingThresholds(frequency: Float64Array, monetary: Float64Array, gapMean: Float64Array | undefined): NamingThresholds {
  const gaps = positive(gapMean);
  const cycleDays = gaps.length > 0 ? medianInPlace(gaps, 0, gaps.length) : NAMING.defaultCycleDays;
  const [spendLow, spendHigh] = quantilesOf(monetary, NAMING.spendQuantiles) as [number, number];
  const [fq] = quantilesOf(frequency, [NAMING.frequentQuantile]) as [number];
  return {
    cycleDays,
    recentDays: NAMING.recentCycles * cycleDays,
    lapsedDays: NAMING.lapsedCycles * cycleDays,
    oneTimerOrders: NAMING.oneTimerOrders,
    occasionalOrders: NAMING.occasionalOrders,
    frequentOrders: Math.max(NAMING.minFrequentOrders, fq),
    spendLow,
    spendHigh,
  };
}

/** The finite positive values (the repeat customers' gaps), copied. */
function positive(values: Float64Array | undefined): Float64Array {
  if (values === undefined) return new Float64Array(0);
  let count = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > 0 && values[i]! < Number.POSITIVE_INFINITY) count++;
  const out = new Float64Array(count);
  for (let i = 0, s = 0; i < values.length; i++) if (values[i]! > 0 && values[i]! < Number.POSITIVE_INFINITY) out[s++] = values[i]!;
  return out;
}

/**
 * Is v above the cut? With last run's side known, crossing needs the hysteresis margin: from below,
 * v must exceed cut·(1+h); from above, fall under cut/(1+h).
 */
function above(v: number, cut: number, wasAbove: boolean | undefined): boolean {
  if (wasAbove === undefined) return v > cut;
  return wasAbove ? v > cut / (1 + NAMING.hysteresis) : v > cut * (1 + NAMING.hysteresis);
}

/** How many of the ascending cuts v is above, each decided with last run's level for hysteresis. */
function levelIndex(v: number, cuts: readonly number[], previous: number | undefined): number {
  let level = 0;
  cuts.forEach((cut, j) => {
    if (above(v, cut, previous === undefined ? undefined : previous > j)) level++;
  });
  return level;
}

const SPEND: readonly Level[] = ['low', 'mid', 'high'];

/**
 * The parts of a cluster's name from its typical values and the run's cut-offs; `previous` is the
 * parts of last run's matched cluster (undefined for a new cluster or a first run).
 *
 * @example
 * nameFromTypical({ recencyDays: 20, frequency: 1, monetary: 40 }, thresholds) // { recency: 'recent', oneTimers: true, … }
 */
export function nameFromTypical(typical: Typical, th: NamingThresholds, previous?: ClusterNameParts): ClusterNameParts {
  const was = previous && previousLevels(previous);
  const r = levelIndex(typical.recencyDays, [th.recentDays, th.lapsedDays], was?.recency);
  const f = levelIndex(typical.frequency, [th.oneTimerOrders, th.occasionalOrders, th.frequentOrders], was?.frequency);
  const m = levelIndex(typical.monetary, [th.spendLow, th.spendHigh], was?.spend);
  const recency: Level = r === 0 ? 'low' : r === 1 ? 'mid' : 'high';
  const frequency: Level = f <= 1 ? 'low' : f === 2 ? 'mid' : 'high';
  return clusterNameParts(recency, frequency, SPEND[m]!, f === 0);
}

/** The level indexes (as levelIndex counts them) a stored name's parts stand for. */
function previousLevels(p: ClusterNameParts): { recency: number; frequency: number; spend: number } {
  return {
    recency: p.recency === 'recent' ? 0 : p.recency === 'lapsed' ? 2 : 1,
    frequency: p.oneTimers ? 0 : p.frequency === 'occasional' ? 1 : p.frequency === 'frequent' ? 3 : 2,
    spend: p.spend === null ? 1 : SPEND.indexOf(p.spend),
  };
}
