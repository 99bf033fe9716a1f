/** The holdout keeps at most this share of the history, so the calibration fit keeps most of it. */
export const MAX_HOLDOUT_SHARE = 1 / 3;
/** Shorter holdouts (days) cannot tell the models apart: selection is skipped. */
export const MIN_HOLDOUT_DAYS = 28;
/** Customers who had bought by the cutoff needed to compare models. */
export const MIN_SELECTION_CUSTOMERS = 300;
/** Of those, customers who bought in the holdout needed. */
export const MIN_HOLDOUT_BUYERS = 30;

/**
 * The length of model selection's holdout in days: the run's churn horizon (the business's own
 * purchase cycle, autoHorizon, or the set number), so each candidate is judged on the same
 * question the churn scores answer; at least MIN_HOLDOUT_DAYS, and cut to whole weeks within
 * MAX_HOLDOUT_SHARE of the span from the first customer's first purchase to the run date. Null
 * when even that is shorter than MIN_HOLDOUT_DAYS.
 *
 * @example holdoutLength(63, 546) // 63
 * @example holdoutLength(364, 546) // 182: a third of 78 weeks
 */
export function holdoutLength(churnHorizonDays: number, historyDays: number): number | null {
  const cap = Math.floor((historyDays * MAX_HOLDOUT_SHARE) / 7) * 7;
  const days = Math.min(Math.max(churnHorizonDays, MIN_HOLDOUT_DAYS), cap);
  return days >= MIN_HOLDOUT_DAYS ? days : null;
}
