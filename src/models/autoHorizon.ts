/** How the churn horizon of a run was chosen (stored with the run's settings, stated in the report). */
export interface HorizonChoice {
  /** 'auto': from the data's purchase cycle; 'set': a number in the settings. */
  source: 'auto' | 'set';
  days: number;
  /** The purchase-cycle statistic behind an auto horizon (days), before rounding and clamping; null when set or too few repeat buyers. */
  cycleDays: number | null;
  /** Repeat buyers whose usual gap entered the statistic. */
  repeatCustomers: number;
  /** Too few repeat buyers to measure a cycle: the fallback was used. */
  fallback: boolean;
}

/** The share of repeat buyers whose usual gap between orders an auto horizon covers. */
export const AUTO_HORIZON_QUANTILE = 0.75;
/** Auto horizons are whole weeks, at least this many days … */
export const AUTO_HORIZON_MIN_DAYS = 14;
/** … and at most a year: a cycle longer than that is not a cadence anyone acts on weekly. */
export const AUTO_HORIZON_MAX_DAYS = 364;
/** Fewer repeat buyers than this do not measure a cycle; the horizon then falls back. */
export const AUTO_HORIZON_MIN_REPEAT = 20;
/** The fallback horizon (the classic quarter). */
export const AUTO_HORIZON_FALLBACK_DAYS = 91;

/**
 * Value at quantile q of sorted values, linear between order statistics (type 7, as DuckDB's
 * quantile_cont).
 *
 * @example quantileSorted(Float64Array.of(1, 2, 3, 4), 0.75) // 3.25
 */
export function quantileSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/**
 * The churn horizon that follows the business's own purchase cycle: the 75th percentile of
 * repeat buyers' usual gap between purchase days (t_x / x in days), rounded up to whole weeks and
 * clamped to [14, 364] days. So "no order within the horizon" means "no order within a cycle that
 * three in four repeat buyers keep": a regular customer ordering at their pace usually orders in
 * it, one who stopped does not. With fewer than 20 repeat buyers there is no cycle to measure and
 * the horizon is 91 days (fallback: true).
 *
 * @example autoHorizon(Float64Array.of(0, 1, 2, 3), Float64Array.of(0, 30, 40, 120)) // too few repeat buyers: { days: 91, fallback: true, … }
 */
export function autoHorizon(x: Float64Array, txDays: Float64Array): HorizonChoice {
  const gaps: number[] = [];
  for (let i = 0; i < x.length; i++) if (x[i]! > 0 && txDays[i]! > 0) gaps.push(txDays[i]! / x[i]!);
  if (gaps.length < AUTO_HORIZON_MIN_REPEAT) {
    return { source: 'auto', days: AUTO_HORIZON_FALLBACK_DAYS, cycleDays: null, repeatCustomers: gaps.length, fallback: true };
  }
  const cycle = quantileSorted(Float64Array.from(gaps).sort(), AUTO_HORIZON_QUANTILE);
  const weeks = Math.ceil(cycle / 7 - 1e-9);
  const days = Math.min(AUTO_HORIZON_MAX_DAYS, Math.max(AUTO_HORIZON_MIN_DAYS, weeks * 7));
  return { source: 'auto', days, cycleDays: cycle, repeatCustomers: gaps.length, fallback: false };
}

/**
 * The horizon a run uses: the set number, or autoHorizon of its customers.
 *
 * @example chooseHorizon(90, x, txDays).days // 90
 */
export function chooseHorizon(setting: number | 'auto', x: Float64Array, txDays: Float64Array): HorizonChoice {
  if (setting === 'auto') return autoHorizon(x, txDays);
  return { source: 'set', days: setting, cycleDays: null, repeatCustomers: 0, fallback: false };
}
