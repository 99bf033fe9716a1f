import { aucCounts, binsError, reliabilityCounts, type ReliabilityBin } from '../../backtest/metrics.js';
import { churnLogLikelihood, pAlive, probNoPurchase, purchaseFactor } from '../../models/churnModel.js';
import { compressColumns, compressSummary } from '../../models/compress.js';
import type { ChurnModel } from '../../models/types.js';

/**
 * The business's own holdout: customers who had bought by the cutoff (the run date minus the
 * holdout), their histories at the cutoff and at the run date, in model time units. Holdout
 * purchases are full.x − cal.x: purchase days, the same count the models are fitted on.
 */
export interface HoldoutSplit {
  cal: { x: Float64Array; tx: Float64Array; T: Float64Array };
  full: { x: Float64Array; tx: Float64Array; T: Float64Array };
  /** Holdout length in model units. */
  horizon: number;
  /** Days per model unit. */
  daysPerUnit: number;
  /** Holdout purchase days of these customers per day of the holdout (index 0: the day after the cutoff). */
  daily: Float64Array;
}

/** How well one fitted model predicted the holdout. Null where a measure is undefined (e.g. nobody bought). */
export interface HoldoutScores {
  /** Mean log-likelihood per customer of the holdout purchases (their number and timing) given the calibration history. */
  holdoutLogLikelihood: number;
  /** AUC of expected holdout purchases for "bought in the holdout". */
  aucExpectedOrders: number | null;
  /** AUC of P(no purchase in the holdout) for "did not buy". */
  aucChurnRisk: number | null;
  /** Mean |predicted − observed| of P(no purchase) over deciles of customers. */
  calibrationError: number | null;
  /** Mean (P(no purchase) − outcome)². */
  brier: number;
  expectedPurchases: number;
  actualPurchases: number;
}

/** Rows of the calibration table with their holdout outcomes summed, for grouped metrics. */
interface Grouped {
  rows: ReturnType<typeof compressSummary>;
  buyers: Float64Array;
  purchases: Float64Array;
  /** The full histories compressed (for the holdout log-likelihood), when known. */
  full?: ReturnType<typeof compressSummary>;
}

/**
 * Holdout purchase days per customer of a split.
 *
 * @example holdoutPurchases(split).reduce((a, v) => a + v, 0) // the holdout's purchase days
 */
export const holdoutPurchases = (split: HoldoutSplit): Float64Array => split.full.x.map((x, i) => x - split.cal.x[i]!);

/**
 * The calibration histories compressed, with each row's holdout buyers and purchases summed (and
 * the full histories compressed, for the log-likelihood), so metrics run over rows, not customers.
 *
 * @example groupHoldout(split.cal, holdoutPurchases(split), split.full).rows.x.length // distinct histories
 */
function group(cal: HoldoutSplit['cal'], holdout: Float64Array, fullHistories?: HoldoutSplit['full']): Grouped {
  const rows = compressSummary(cal.x, cal.tx, cal.T);
  const buyers = new Float64Array(rows.x.length), purchases = new Float64Array(rows.x.length);
  for (let i = 0; i < cal.x.length; i++) {
    const k = holdout[i]!;
    const r = rows.rowOf[i]!;
    purchases[r] += k;
    if (k > 0) buyers[r]! += 1;
  }
  return { rows, buyers, purchases, ...(fullHistories && { full: compressSummary(fullHistories.x, fullHistories.tx, fullHistories.T) }) };
}

/**
 * Per calibration row: P(alive), P(no purchase within the holdout) and expected holdout purchases.
 *
 * @example predict(fit.params, groupHoldout(split.cal, holdoutPurchases(split)), split.horizon).risk
 */
export function predict(m: ChurnModel, g: Grouped, horizon: number): Prediction {
  const { x, tx, T } = g.rows;
  const alive = Float64Array.from(x, (xi, r) => pAlive(m, xi, tx[r]!, T[r]!));
  const risk = Float64Array.from(x, (xi, r) => probNoPurchase(m, xi, tx[r]!, T[r]!, horizon));
  // the 2F1 behind expected purchases depends on (x, T) only: once per distinct pair
  const pairs = compressColumns([x, T]);
  const factor = Float64Array.from(pairs.columns[0]!, (xp, q) => purchaseFactor(m, xp, pairs.columns[1]![q]!, horizon));
  const expected = Float64Array.from(alive, (a, r) => a * factor[pairs.rowOf[r]!]!);
  return { alive, risk, expected };
}

/** Per calibration row predictions over the holdout. */
export interface Prediction {
  alive: Float64Array;
  risk: Float64Array;
  expected: Float64Array;
}

const orNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

/**
 * Score a model fitted on the calibration histories against what the holdout showed. The holdout
 * log-likelihood is ℓ(full history) − ℓ(calibration history) summed over customers: the log
 * probability the model gave, in advance, to each customer's holdout purchases and their timing
 * (a proper score, so it cannot be gamed by over- or under-predicting).
 *
 * @example holdoutScores(fit.params, split).holdoutLogLikelihood
 */
export function holdoutScores(
  m: ChurnModel,
  split: HoldoutSplit,
  grouped: Grouped = group(split.cal, holdoutPurchases(split), split.full),
  calibrationLogLikelihood?: number,
  predicted: Prediction = predict(m, grouped, split.horizon),
): HoldoutScores {
  const g = grouped;
  const n = split.cal.x.length;
  const full = g.full ?? compressSummary(split.full.x, split.full.tx, split.full.T);
  // the calibration fit's own log-likelihood is ℓ on the same rows: no need to evaluate it again
  const ll = churnLogLikelihood(m, full) - (calibrationLogLikelihood ?? churnLogLikelihood(m, g.rows));
  const { risk, expected } = predicted;
  const weight = g.rows.weight;
  const silent = Float64Array.from(weight, (w, r) => w - g.buyers[r]!);
  let brier = 0, exp = 0, act = 0;
  for (let r = 0; r < weight.length; r++) {
    brier += silent[r]! * (1 - risk[r]!) ** 2 + g.buyers[r]! * risk[r]! ** 2;
    exp += weight[r]! * expected[r]!;
    act += g.purchases[r]!;
  }
  return {
    holdoutLogLikelihood: ll / n,
    aucExpectedOrders: orNull(aucCounts(expected, g.buyers, silent)),
    aucChurnRisk: orNull(aucCounts(risk, silent, g.buyers)),
    calibrationError: orNull(binsError(reliabilityCounts(risk, silent, weight))),
    brier: brier / n,
    expectedPurchases: exp,
    actualPurchases: act,
  };
}

/** The evidence charts' data, for the chosen model on the holdout. */
export interface HoldoutEvidence {
  /** Mean actual vs expected holdout purchases by calibration repeat purchases (last bucket: that many or more). */
  byFrequency: { x: number; orMore: boolean; customers: number; actual: number; expected: number }[];
  /** Cumulative actual vs expected holdout purchases at whole weeks after the cutoff. */
  tracking: { day: number; actual: number; expected: number }[];
  /** P(no purchase in the holdout) by decile of customers against the observed share. */
  reliability: ReliabilityBin[];
}

/** Repeat-purchase buckets of the calibration chart: 0 … 6 and "7 or more", as in the literature's figure. */
const TOP_BUCKET = 7;
/** At most this many tracking points (whole weeks, spaced evenly). */
const MAX_POINTS = 13;

/**
 * The calibration-by-frequency, tracking and reliability data of a model fitted on `cal` against
 * the holdout: purchase days per customer and per day of the holdout (horizon in model units).
 *
 * @example holdoutEvidence(fit.params, split.cal, holdoutPurchases(split), split).tracking.at(-1) // { day: 91, actual: …, expected: … }
 */
export function holdoutEvidence(
  m: ChurnModel,
  cal: HoldoutSplit['cal'],
  holdout: Float64Array,
  split: Pick<HoldoutSplit, 'daily' | 'horizon' | 'daysPerUnit'>,
  grouped: Grouped = group(cal, holdout),
  predicted: Prediction = predict(m, grouped, split.horizon),
): HoldoutEvidence {
  const g = grouped;
  const { risk, expected, alive } = predicted;
  const { x, T, weight } = g.rows;
  const byFrequency = Array.from({ length: TOP_BUCKET + 1 }, (_, k) => ({ x: k, orMore: k === TOP_BUCKET, customers: 0, actual: 0, expected: 0 }));
  for (let r = 0; r < x.length; r++) {
    const b = byFrequency[Math.min(TOP_BUCKET, x[r]!)]!;
    b.customers += weight[r]!;
    b.actual += g.purchases[r]!;
    b.expected += weight[r]! * expected[r]!;
  }
  for (const b of byFrequency) if (b.customers > 0) [b.actual, b.expected] = [b.actual / b.customers, b.expected / b.customers];

  const holdoutDays = split.daily.length;
  const weeks = Math.floor(holdoutDays / 7);
  const step = Math.max(1, Math.ceil(weeks / MAX_POINTS));
  const days = Array.from({ length: Math.floor(weeks / step) }, (_, k) => (k + 1) * step * 7);
  if (days.at(-1) !== holdoutDays) days.push(holdoutDays);
  // Σ P(alive) per distinct (x, T): the expected count at each point is Σ_pairs aliveSum × factor(t)
  const pairs = compressColumns([x, T]);
  const aliveSum = new Float64Array(pairs.weight.length);
  for (let r = 0; r < x.length; r++) aliveSum[pairs.rowOf[r]!]! += weight[r]! * alive[r]!;
  let cum = 0, d = 0;
  const tracking = days.map((day) => {
    for (; d < day; d++) cum += split.daily[d]!;
    let e = 0;
    for (let q = 0; q < aliveSum.length; q++) e += aliveSum[q]! * purchaseFactor(m, pairs.columns[0]![q]!, pairs.columns[1]![q]!, day / split.daysPerUnit);
    return { day, actual: cum, expected: e };
  });
  const silent = Float64Array.from(weight, (w, r) => w - g.buyers[r]!);
  return { byFrequency, tracking, reliability: reliabilityCounts(risk, silent, weight) };
}

export { group as groupHoldout };
export type { Grouped };
