import { pAlive, probNoPurchase, purchaseFactor } from './churnModel.js';
import { checkClvOptions, discountedFactor, type ClvOptions } from './clv.js';
import { compressColumns, compressSpend, compressSummary } from './compress.js';
import { conditionalExpectedSpend } from './gammagamma.js';
import { bandedExpectedSpend, type SpendBand } from './spendBands.js';
import type { ChurnModel, GammaGammaParams } from './types.js';
import { validateParams, validateSpend, validateSummary } from './validate.js';

/** Per-customer inputs in the model's time unit, aligned by customer index. */
export interface ModelInput {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  /** Mean spend per repeat purchase (0 for one-time buyers; may be ≤ 0 after returns). */
  mbar: Float64Array;
}

/** What to score: the churn/expected-orders horizon (model units) and the CLV settings. */
export interface ScoreOptions {
  horizon: number;
  clv: ClvOptions;
  /** Gamma-Gamma fits per frequency band (the remedy for correlated frequency and spend); absent: the single fit. */
  spendBands?: readonly SpendBand[];
}

/** Per-customer model outputs, aligned with the input. */
export interface ModelScores {
  /** P(alive now). */
  pAlive: Float64Array;
  /** P(no order within the horizon): dead, or alive and by chance not ordering. */
  churnRisk: Float64Array;
  /** Expected orders within the horizon. */
  expectedOrders: Float64Array;
  /** Expected spend per future order (Gamma-Gamma). */
  orderValue: Float64Array;
  /** Expected spend within the horizon, undiscounted: expectedOrders × orderValue. */
  predictedSpend: Float64Array;
  /** Discounted margin over the CLV horizon. */
  clv: Float64Array;
  /**
   * The same discounted margin for a customer known to stay (P(alive) = 1): what keeping them is
   * worth. clv = P(alive) × valueIfKept: churn risk has not discounted this one.
   */
  valueIfKept: Float64Array;
}

/**
 * Score every customer with a fitted churn model and spend model. Closed forms run once per
 * distinct (x, t_x, T) and (x, m̄) row, the 2F1 series once per distinct (x, T) pair, and are
 * scattered back, so a million customers with daily data cost a bounded number of series
 * evaluations. Every output is finite and ≥ 0.
 *
 * @example scoreModels({ x, tx, T, mbar }, fit.params, spend.params, { horizon: 13, clv: { months: 12, monthlyDiscount: 0.01, margin: 0.3, unitsPerMonth: 4.348 } })
 */
export function scoreModels(input: ModelInput, churn: ChurnModel, spend: GammaGammaParams, options: ScoreOptions): ModelScores {
  const { x, tx, T, mbar } = input;
  const n = x.length;
  validateSummary(x, tx, T);
  validateSpend(mbar, n);
  validateParams(churn, spend);
  checkClvOptions(options.clv);
  if (!(options.horizon >= 0 && Number.isFinite(options.horizon))) {
    throw new RangeError(`the scoring horizon must be a finite number ≥ 0 (model time units), got ${options.horizon}`);
  }
  // P(alive) and churn risk are cheap closed forms per distinct (x, t_x, T); the expensive part,
  // the 2F1 series behind expected purchases and CLV, depends on (x, T) only (purchaseFactor).
  const rows = compressSummary(x, tx, T);
  const k = rows.x.length;
  const rowAlive = new Float64Array(k);
  const rowRisk = new Float64Array(k);
  for (let r = 0; r < k; r++) {
    const xr = rows.x[r]!, txr = rows.tx[r]!, Tr = rows.T[r]!;
    rowAlive[r] = pAlive(churn, xr, txr, Tr);
    rowRisk[r] = probNoPurchase(churn, xr, txr, Tr, options.horizon);
  }
  const pairs = compressColumns([x, T]);
  const [px, pT] = pairs.columns as [Float64Array, Float64Array];
  const pairOrders = Float64Array.from(px, (xp, q) => purchaseFactor(churn, xp, pT[q]!, options.horizon));
  const pairDiscounted = Float64Array.from(px, (xp, q) => discountedFactor(churn, xp, pT[q]!, options.clv));
  const spendRows = compressSpend(x, mbar);
  const bands = options.spendBands;
  const rowValue = Float64Array.from(spendRows.x, (xr, r) =>
    bands ? bandedExpectedSpend(bands, spend, xr, spendRows.mbar[r]!) : conditionalExpectedSpend(spend, xr, spendRows.mbar[r]!),
  );

  const out: ModelScores = {
    pAlive: new Float64Array(n),
    churnRisk: new Float64Array(n),
    expectedOrders: new Float64Array(n),
    orderValue: new Float64Array(n),
    predictedSpend: new Float64Array(n),
    clv: new Float64Array(n),
    valueIfKept: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const r = rows.rowOf[i]!, q = pairs.rowOf[i]!;
    const value = rowValue[spendRows.rowOf[i]!]!;
    const alive = rowAlive[r]!;
    const orders = alive * pairOrders[q]!;
    out.pAlive[i] = alive;
    out.churnRisk[i] = rowRisk[r]!;
    out.expectedOrders[i] = orders;
    out.orderValue[i] = value;
    out.predictedSpend[i] = orders * value;
    out.valueIfKept[i] = options.clv.margin * value * pairDiscounted[q]!;
    out.clv[i] = options.clv.margin * value * (alive * pairDiscounted[q]!);
  }
  return out;
}
