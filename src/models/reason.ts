import type { ChurnBand } from './tiers.js';

/** The numbers behind a churn score's reason, in days; a reason renders from these in any locale. */
export type ReasonFacts =
  | { kind: 'none' }
  /** One purchase day so far. */
  | { kind: 'oneOrder'; agoDays: number; band: ChurnBand | null; horizonDays: number }
  /** A repeat buyer not yet past their usual gap: the next order is due in dueDays. */
  | { kind: 'due'; dueDays: number; agoDays: number; gapDays: number; band: ChurnBand | null; horizonDays: number }
  /** A repeat buyer past their usual gap by overdueDays (cycles = whole usual gaps missed). */
  | { kind: 'overdue'; overdueDays: number; cycles: number; agoDays: number; gapDays: number; band: ChurnBand | null; horizonDays: number };

/** How a span of time is said: a count and its unit (render picks the words). */
export interface Span {
  n: number;
  unit: 'day' | 'week' | 'month' | 'year';
}

/** The words of churn reasons in one language (src/report/i18n: `reasons`). */
export interface ReasonMessages {
  span(s: Span): string;
  today: string;
  ago(span: string): string;
  noOrders: string;
  /** "one order 5 months ago" + the outlook when there is one */
  oneOrder(ago: string, outlook: string | null): string;
  /** what usually follows a first order, by band: "most one-time buyers never return" */
  oneOrderOutlook(band: ChurnBand, horizon: string): string;
  /** "due in about 2 weeks" */
  due(span: string): string;
  dueNow: string;
  /** "overdue by 3 cycles" / "overdue by 5 days" */
  overdueCycles(n: number): string;
  overdueBy(span: string): string;
  /** "last order 3 months ago, usually every 3 weeks" */
  rhythm(ago: string, gap: string): string;
  /** "an order within 9 weeks is unlikely" (high, P ≤ 20%), "… uncertain" (medium), "… more likely than not" (low, P > 50%) */
  outlook(band: ChurnBand, horizon: string): string;
  /** timing, rhythm and outlook (when there is one) as one reason */
  repeat(timing: string, rhythm: string, outlook: string | null): string;
}

const MONTH_DAYS = 30.4375;

/**
 * A span as a person would say it: days under 4 weeks (a gap of 20 against 25 days must not read
 * as 3 against 4 weeks), weeks under 7 weeks, then months, years from 2 years on.
 *
 * @example span(183) // { n: 6, unit: 'month' }
 */
export function span(days: number): Span {
  if (days < 27.5) return { n: Math.max(1, Math.round(days)), unit: 'day' };
  if (days < 49) return { n: Math.round(days / 7), unit: 'week' };
  const months = days / MONTH_DAYS;
  if (months < 23.5) return { n: Math.max(2, Math.round(months)), unit: 'month' };
  return { n: Math.round(months / 12), unit: 'year' };
}

/**
 * The churn horizon as a span, exactly: whole weeks up to half a year (auto horizons are whole
 * weeks), days otherwise, so the reason's "within 9 weeks" is the horizon the risk was scored for.
 *
 * @example horizonSpan(63) // { n: 9, unit: 'week' }
 * @example horizonSpan(90) // { n: 90, unit: 'day' }
 */
export function horizonSpan(days: number): Span {
  const d = Math.round(days);
  return d % 7 === 0 && d <= 182 ? { n: d / 7, unit: 'week' } : { n: d, unit: 'day' };
}

/** What churnReasonFacts needs of one customer: x repeat purchase days, t_x and T in days, the band and horizon. */
export interface ReasonInput {
  x: number;
  txDays: number;
  TDays: number;
  band: ChurnBand | null;
  horizonDays: number;
}

/**
 * The facts behind a customer's churn reason: the usual gap is t_x / x, days since the last order
 * T − t_x; before the usual gap is up the next order is "due", after it "overdue" (cycles = whole
 * usual gaps missed). The band carries the model's verdict, so the words agree with it.
 *
 * @example reasonFacts({ x: 3, txDays: 63, TDays: 157, band: 'high', horizonDays: 63 }) // { kind: 'overdue', overdueDays: 73, cycles: 3, … }
 */
export function reasonFacts(c: ReasonInput): ReasonFacts {
  const { x, txDays, TDays, band, horizonDays } = c;
  if (!(TDays >= 0)) return { kind: 'none' };
  const agoDays = Math.max(0, TDays - txDays);
  if (!(x > 0)) return { kind: 'oneOrder', agoDays, band, horizonDays };
  const gapDays = Math.max(1, txDays / x);
  if (agoDays <= gapDays) return { kind: 'due', dueDays: gapDays - agoDays, agoDays, gapDays, band, horizonDays };
  const overdueDays = agoDays - gapDays;
  return { kind: 'overdue', overdueDays, cycles: Math.floor(overdueDays / gapDays), agoDays, gapDays, band, horizonDays };
}

/**
 * A churn reason in words: the one pure function every reason is rendered by (the stored English
 * churn_reason and the report in its locale alike).
 *
 * @example churnReasonText(reasonFacts({ x: 3, txDays: 63, TDays: 157, band: 'high', horizonDays: 63 }), en.reasons)
 * // "overdue by 3 cycles: last order 3 months ago, usually every 21 days; an order within 9 weeks is unlikely"
 */
export function churnReasonText(f: ReasonFacts, m: ReasonMessages): string {
  if (f.kind === 'none') return m.noOrders;
  const say = (days: number): string => m.span(span(days));
  const ago = f.agoDays < 0.5 ? m.today : m.ago(say(f.agoDays));
  const horizon = m.span(horizonSpan(f.horizonDays));
  if (f.kind === 'oneOrder') return m.oneOrder(ago, f.band ? m.oneOrderOutlook(f.band, horizon) : null);
  const timing =
    f.kind === 'due'
      ? f.dueDays < 0.5 ? m.dueNow : m.due(say(f.dueDays))
      : f.cycles >= 1 ? m.overdueCycles(f.cycles) : m.overdueBy(say(f.overdueDays));
  return m.repeat(timing, m.rhythm(ago, say(f.gapDays)), f.band ? m.outlook(f.band, horizon) : null);
}

/**
 * The stored reasons of distinct histories (x, t_x, T in days), each with its band.
 *
 * @example churnReasons(Float64Array.of(3), Float64Array.of(63), Float64Array.of(157), ['high'], 63, en.reasons)
 */
export function churnReasons(
  x: Float64Array,
  txDays: Float64Array,
  TDays: Float64Array,
  bands: readonly (ChurnBand | null)[],
  horizonDays: number,
  m: ReasonMessages,
): string[] {
  return Array.from(x, (xi, i) => churnReasonText(reasonFacts({ x: xi, txDays: txDays[i]!, TDays: TDays[i]!, band: bands[i] ?? null, horizonDays }), m));
}
