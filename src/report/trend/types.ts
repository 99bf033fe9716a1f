/** One week of the weekly trend (a weekly_trend row); dates 'YYYY-MM-DD', both days included. */
export interface TrendWeek {
  weekStart: string;
  weekEnd: string;
  netRevenue: number;
  orders: number;
  activeCustomers: number;
  newCustomers: number;
  returningCustomers: number;
  /** null in a week without orders */
  aov: number | null;
}

/** The measures of a week that the trend charts, in display order. */
export const TREND_MEASURES = ['net_revenue', 'orders', 'active_customers', 'new_customers', 'returning_customers', 'aov'] as const;
export type TrendMeasure = (typeof TREND_MEASURES)[number];

/** A latest week with unusually few orders (see incompleteWeek). */
export interface IncompleteWeek {
  weekStart: string;
  weekEnd: string;
  orders: number;
  /** median orders of the weeks compared with */
  median: number;
  /** how many earlier weeks the median is over */
  weeksCompared: number;
}

/** The weekly trend section: weeks oldest first, the last one ending on the as-of date. */
export interface TrendReport {
  weeks: TrendWeek[];
  incomplete: IncompleteWeek | null;
}
