import type { IncompleteWeek, TrendWeek } from './types.js';

/** The latest week is compared with the median of this many weeks before it. */
export const INCOMPLETE_LOOKBACK_WEEKS = 8;
/** Fewer orders than this share of that median flags the week as possibly incomplete. */
export const INCOMPLETE_SHARE = 0.5;
/** With fewer earlier weeks than this, a median says too little to flag anything. */
export const INCOMPLETE_MIN_WEEKS = 4;

/**
 * The latest week when it has unusually few orders: under INCOMPLETE_SHARE of the median orders
 * of the (up to) INCOMPLETE_LOOKBACK_WEEKS weeks before it. That is what an export cut off
 * mid-week looks like, so the report warns before anyone acts on a drop. Null when the week looks
 * normal, when fewer than INCOMPLETE_MIN_WEEKS earlier weeks exist, or the median is 0.
 *
 * @example incompleteWeek(weeks) // { weekEnd: '2024-06-30', orders: 12, median: 80, weeksCompared: 8, … } or null
 */
export function incompleteWeek(weeks: readonly TrendWeek[]): IncompleteWeek | null {
  const last = weeks.at(-1);
  const before = weeks.slice(0, -1).slice(-INCOMPLETE_LOOKBACK_WEEKS);
  if (!last || before.length < INCOMPLETE_MIN_WEEKS) return null;
  const m = median(before.map((w) => w.orders));
  if (m <= 0 || last.orders >= INCOMPLETE_SHARE * m) return null;
  return { weekStart: last.weekStart, weekEnd: last.weekEnd, orders: last.orders, median: m, weeksCompared: before.length };
}

/** The median (mean of the middle two for an even count) of a non-empty list. */
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
