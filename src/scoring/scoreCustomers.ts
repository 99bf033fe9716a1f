import { discountedFactor, discountedPurchases, type ClvOptions } from '../models/clv.js';
import { compressSummary } from '../models/compress.js';
import { chooseHorizon } from '../models/autoHorizon.js';
import type { ModelsConfig, UsedModelsConfig } from '../models/config.js';
import { medianWait } from '../models/nextOrder.js';
import { scoreModels, type ModelScores } from '../models/scoreModels.js';
import { churnBands, valueTiers } from '../models/tiers.js';
import { daysPerUnit, unitsPerMonth } from '../models/units.js';
import type { CustomerInput, FittedModels } from './fitModels.js';

/** Per-customer scores aligned by idx. NaN marks "no value" (written as NULL). */
export interface CustomerScores extends ModelScores {
  /** Days from the as-of date to the median wait for the next order; NaN when beyond the cap or unlikely. */
  nextOrderDays: Float64Array;
  /** Index into CHURN_BANDS. */
  band: Uint8Array;
  /** Index into VALUE_TIERS, ranked by valueIfKept (the 12-month value if the customer stays). */
  tier: Uint8Array;
  /** Values that came out non-finite or out of range and were blanked (should be 0). */
  blanked: number;
}

/** Placeholder Gamma-Gamma parameters for scoreModels when the fallback order value replaces it. */
const PLACEHOLDER_SPEND = { p: 1, q: 2, gamma: 1 };

/**
 * Score every customer with the fitted models: P(alive), churn risk and expected orders over the
 * configured horizon, the median wait for the next order, expected spend per order, discounted
 * CLV, value if kept, churn band and value tier (ranked by value if kept: a tier ranked by the
 * churn-discounted CLV would hold almost no high-risk customer, since CLV already prices the risk in). Closed forms run once per distinct (x, t_x, T) and (x, m̄) row
 * (scoreModels). Returns null when no churn model was fitted. No output is ever NaN, infinite or
 * negative: anything that would be is blanked to NaN (NULL in the tables) and counted.
 *
 * An 'auto' horizon is resolved on these customers (chooseHorizon), as the models step does.
 *
 * @example const s = scoreCustomers(input, fitModels(input, DEFAULT_MODELS), DEFAULT_MODELS);
 */
export function scoreCustomers(input: CustomerInput, fitted: FittedModels, settings: UsedModelsConfig | ModelsConfig): CustomerScores | null {
  const churn = fitted.churn;
  if (churn === null) return null;
  const horizonDays = settings.horizonDays === 'auto' ? chooseHorizon('auto', input.x, input.txDays).days : settings.horizonDays;
  const config = { ...settings, horizonDays };
  const k = daysPerUnit(config.timeUnit);
  const tx = input.txDays.map((d) => d / k);
  const T = input.TDays.map((d) => d / k);
  const clv: ClvOptions = { ...config.clv, unitsPerMonth: unitsPerMonth(config.timeUnit) };
  const scores = scoreModels({ x: input.x, tx, T, mbar: input.mbar }, churn, fitted.spend ?? PLACEHOLDER_SPEND, {
    horizon: config.horizonDays / k,
    clv,
    ...(fitted.spendBands && { spendBands: fitted.spendBands }),
  });
  if (fitted.spend === null) applyOrderValue(scores, fitted.fallbackOrderValue, { x: input.x, tx, T }, churn, clv);

  const nextOrderDays = nextOrders(churn, scores.pAlive, { x: input.x, tx, T }, config.nextOrderMaxDays, k);
  let blanked = 0;
  blanked += blank(scores.pAlive, 1);
  blanked += blank(scores.churnRisk, 1);
  blanked += blank(scores.expectedOrders);
  blanked += blank(scores.orderValue);
  blanked += blank(scores.predictedSpend);
  blanked += blank(scores.clv);
  blanked += blank(scores.valueIfKept);
  // A blanked risk or CLV (never expected) gets no band or tier when written (see stageModelScores).
  const band = churnBands(scores.churnRisk, config.churnBands);
  const tier = valueTiers(scores.valueIfKept.map((v) => (Number.isNaN(v) ? 0 : v)), config.valueTiers);
  return { ...scores, nextOrderDays, band, tier, blanked };
}

/** Replace non-finite or out-of-range values by NaN (NULL); returns how many. */
function blank(col: Float64Array, max = Number.POSITIVE_INFINITY): number {
  let bad = 0;
  for (let i = 0; i < col.length; i++) {
    const v = col[i]!;
    if (!(Number.isFinite(v) && v >= 0 && v <= max)) {
      col[i] = Number.NaN;
      bad++;
    }
  }
  return bad;
}

/**
 * The spend fallback: one order value for everyone, so predicted spend = expected orders × value
 * and CLV = margin × value × discounted expected purchases (once per distinct (x, t_x, T) row).
 */
function applyOrderValue(
  scores: ModelScores,
  value: number,
  summary: { x: Float64Array; tx: Float64Array; T: Float64Array },
  churn: NonNullable<FittedModels['churn']>,
  clv: ClvOptions,
): void {
  const rows = compressSummary(summary.x, summary.tx, summary.T);
  const discounted = Float64Array.from(rows.x, (x, r) => discountedPurchases(churn, x, rows.tx[r]!, rows.T[r]!, clv));
  const kept = Float64Array.from(rows.x, (x, r) => discountedFactor(churn, x, rows.T[r]!, clv));
  for (let i = 0; i < scores.clv.length; i++) {
    scores.orderValue[i] = value;
    scores.predictedSpend[i] = scores.expectedOrders[i]! * value;
    scores.clv[i] = clv.margin * value * discounted[rows.rowOf[i]!]!;
    scores.valueIfKept[i] = clv.margin * value * kept[rows.rowOf[i]!]!;
  }
}

/**
 * Days to the median wait for the next order per customer (NaN beyond maxDays). The Pareto/NBD's
 * median is a bisection, so it runs once per distinct (x, t_x, T) history; the others' closed form
 * per customer.
 */
function nextOrders(churn: NonNullable<FittedModels['churn']>, alive: Float64Array, s: { x: Float64Array; tx: Float64Array; T: Float64Array }, maxDays: number, k: number): Float64Array {
  const n = s.x.length;
  const days = (wait: number): number => (wait * k <= maxDays ? Math.max(1, Math.ceil(wait * k - 1e-9)) : Number.NaN);
  if (churn.kind !== 'pnbd') return Float64Array.from({ length: n }, (_, i) => days(medianWait(churn, alive[i]!, s.x[i]!, s.T[i]!)));
  const rows = compressSummary(s.x, s.tx, s.T);
  const first = new Int32Array(rows.x.length).fill(-1);
  for (let i = 0; i < n; i++) if (first[rows.rowOf[i]!] === -1) first[rows.rowOf[i]!] = i;
  const perRow = Float64Array.from(rows.x, (x, r) => days(medianWait(churn, alive[first[r]!]!, x, rows.T[r]!, rows.tx[r]!, maxDays / k)));
  return Float64Array.from(rows.rowOf, (r) => perRow[r]!);
}
