/**
 * Thresholds of the customer-dynamics rules (README "Customer states and lifecycle stages").
 * Each run stores the values it used in run_config, so a report says what its states meant.
 */
export interface DynamicsConfig {
  /** a one-order customer is in the state first_order for this many days after the order */
  newDays: number;
  /** state lapsing (the key keeps its old name): no order for longer than max(atRiskMinDays, atRiskGapMultiple × own mean gap) */
  atRiskMinDays: number;
  atRiskGapMultiple: number;
  /** state lapsed (the key keeps its old name): no order for longer than max(lostMinDays, lostGapMultiple × own mean gap) */
  lostMinDays: number;
  lostGapMultiple: number;
  /** state won_back: the gap before the latest order was a lapsed gap, and that order is this recent */
  wonBackDays: number;
  /** state regular (the key keeps its old name): at least this many orders over at least this tenure, not lapsing */
  loyalMinOrders: number;
  loyalMinTenureDays: number;
  /** lifecycle: exploration while tenure is shorter than this or there is one order */
  explorationDays: number;
  /** lifecycle: stability needs this tenure, loyalMinOrders orders, and gaps regular: sd ≤ this × mean */
  stabilityMinTenureDays: number;
  stabilityMaxGapCv: number;
  /** lifecycle: decline when the recent 180-day order rate is below this share of the own earlier rate */
  declineRateRatio: number;
  /** KPI window, days */
  kpiWindowDays: number;
}

export const DEFAULT_DYNAMICS: DynamicsConfig = {
  newDays: 90,
  atRiskMinDays: 60,
  atRiskGapMultiple: 1.5,
  lostMinDays: 180,
  lostGapMultiple: 3,
  wonBackDays: 90,
  loyalMinOrders: 4,
  loyalMinTenureDays: 365,
  explorationDays: 90,
  stabilityMinTenureDays: 365,
  stabilityMaxGapCv: 1,
  declineRateRatio: 0.5,
  kpiWindowDays: 28,
};

/** The config as named SQL parameters ($new_days, …). */
export function configParams(c: DynamicsConfig): Record<string, number> {
  return Object.fromEntries(Object.entries(c).map(([k, v]) => [k.replace(/[A-Z]/g, (ch) => '_' + ch.toLowerCase()), v]));
}
