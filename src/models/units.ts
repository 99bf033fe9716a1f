/** The time unit a model was fitted in; (x, t_x, T) and horizons are all in it. */
export type TimeUnit = 'day' | 'week';

/** Average Gregorian month in days (365.25 / 12). */
export const DAYS_PER_MONTH = 30.4375;

/**
 * Days in one model time unit.
 *
 * @example daysPerUnit('week') // 7
 */
export function daysPerUnit(unit: TimeUnit): number {
  switch (unit) {
    case 'day':
      return 1;
    case 'week':
      return 7;
    default:
      throw new Error(`unknown time unit ${String(unit satisfies never)}`);
  }
}

/**
 * Model time units per month, the CLV's f. It must match the unit the model was fitted in:
 * a daily factor on a weekly model multiplies the horizon by 7 (lifetimes#194).
 *
 * @example unitsPerMonth('week') // 4.348214… (30.4375 / 7)
 */
export const unitsPerMonth = (unit: TimeUnit): number => DAYS_PER_MONTH / daysPerUnit(unit);

/**
 * Convert durations in days to another unit (a new array; the input is untouched).
 *
 * @example toUnit(Float64Array.of(7, 14), 'week') // Float64Array [1, 2]
 */
export function toUnit(days: Float64Array, unit: TimeUnit): Float64Array {
  const k = daysPerUnit(unit);
  return days.map((d) => d / k);
}

/**
 * Durations in days as weeks.
 *
 * @example daysToWeeks(Float64Array.of(21)) // Float64Array [3]
 */
export const daysToWeeks = (days: Float64Array): Float64Array => toUnit(days, 'week');
