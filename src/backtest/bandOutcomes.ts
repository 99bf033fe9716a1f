import { CHURN_BANDS, churnBands, type ChurnBand } from '../models/tiers.js';

/** One churn band of a backtest: how many customers it held, what the model said, what happened. */
export interface BandOutcome {
  band: ChurnBand;
  customers: number;
  /** of all customers, 0..1 */
  share: number;
  /** mean predicted P(no order within the horizon) */
  mean_risk: number | null;
  /** share of the band with no purchase day within the horizon after the calibration end; null when not observed */
  observed_no_order: number | null;
}

/**
 * Band customers by churn risk and compare each band's mean predicted risk with the no-order
 * share observed: a band means what it says when the two agree (a high band whose customers
 * mostly ordered would be crying wolf). `purchases` holds purchase days within the horizon, or
 * null when the holdout did not cover it.
 *
 * @example bandOutcomes(Float64Array.of(0.9, 0.2), Float64Array.of(0, 1), { medium: 0.5, high: 0.8 })
 * // [{ band: 'low', customers: 1, share: 0.5, mean_risk: 0.2, observed_no_order: 0 }, …, { band: 'high', …, observed_no_order: 1 }]
 */
export function bandOutcomes(risk: Float64Array, purchases: Float64Array | null, thresholds: { medium: number; high: number }): BandOutcome[] {
  const band = churnBands(risk, thresholds);
  const n = risk.length;
  return CHURN_BANDS.map((name, b) => {
    let customers = 0, riskSum = 0, none = 0;
    for (let i = 0; i < n; i++) {
      if (band[i] !== b) continue;
      customers++;
      riskSum += risk[i]!;
      if (purchases !== null && !(purchases[i]! > 0)) none++;
    }
    return {
      band: name,
      customers,
      share: n > 0 ? customers / n : 0,
      mean_risk: customers > 0 ? riskSum / customers : null,
      observed_no_order: purchases === null || customers === 0 ? null : none / customers,
    };
  });
}
