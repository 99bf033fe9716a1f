import { DEFAULT_DYNAMICS } from '../dynamics/config.js';
import { horizonSpan } from '../models/reason.js';
import { EN, type ReportText } from './i18n/index.js';
import { segmentName } from './i18n/names.js';
import { stabilityDrop } from './clusterStability.js';
import { KPI_WINDOW_DAYS } from './readKpis.js';
import type { ReportData } from './types.js';

/** The kinds of highlight, in the order the selection rule prefers them (see `highlights`). */
export type HighlightKind = 'incompleteWeek' | 'worthSaving' | 'segmentMove' | 'revenueChange' | 'churned' | 'wonBack' | 'clusterStability' | 'concentration' | 'revenueSteady';

/** One plain-language sentence for the first screen. */
export interface Highlight {
  kind: HighlightKind;
  /** good news, bad news, or a fact: drives only the colour of the marker */
  tone: 'good' | 'bad' | 'neutral';
  text: string;
}

/** At most this many highlights: the first screen is for the few things a manager should act on. */
export const MAX_HIGHLIGHTS = 5;
/** A revenue change smaller than this (relative) is week-to-week noise: stated last, as "about level". */
export const REVENUE_CHANGE_THRESHOLD = 0.05;

/**
 * The run's highlights, chosen by a fixed rule so the same data always give the same sentences.
 * Each candidate is stated only when the data of this run support it; the qualifying ones are
 * taken in this order (most actionable first) and cut at MAX_HIGHLIGHTS. Each sentence names its
 * population exactly and the vocabulary it uses (RFM segment, customer state, churn band, value
 * tier), since "at risk" or "lost" could otherwise mean a segment or a state:
 *
 * 0. incompleteWeek — the latest week has unusually few orders (src/report/trend/incompleteWeek.ts):
 *    said first, since it may explain any drop below.
 * 1. worthSaving — the worth-saving list: customers in a high value tier (highValueTiers, ranked
 *    by 12-month value if kept) and the high churn band, with that value and value to date.
 * 2. segmentMove — the move between two different RFM segments (not first-seen customers)
 *    carrying the most 12-month CLV (most customers when CLV is unknown); needs a previous run.
 * 3. revenueChange — net revenue over the KPI window changed by REVENUE_CHANGE_THRESHOLD or more
 *    against the equal window before it.
 * 4. churned — customers who entered the customer state lapsed since the previous run (> 0).
 * 5. wonBack — customers in the customer state won back (> 0).
 * 5b. clusterStability — the clusters' agreement with the previous run dropped suddenly
 *    (stabilityDrop in clusterStability.ts: adjusted Rand index under 0.5, or down by more than 0.2).
 * 6. concentration — the share of net revenue brought by the top 20% of customers.
 * 7. revenueSteady — a revenue change below the threshold, stated as "about level".
 *
 * @example
 * highlights(data).map((h) => h.text)
 * // ['42 customers in the top value tier (ranked by 12-month value if kept) are in the high churn band, …', …]
 */
export function highlights(data: ReportData, t: ReportText = EN): Highlight[] {
  const m = t.m.highlights;
  const { fmt } = t;
  const out: Highlight[] = [];
  const later: Highlight[] = [];
  const config = data.dynamics?.config ?? {};
  const setting = (key: keyof typeof DEFAULT_DYNAMICS): number => config[key] ?? DEFAULT_DYNAMICS[key];
  const days = fmt.int(config['kpiWindowDays'] ?? KPI_WINDOW_DAYS);

  const flag = data.trend?.incomplete;
  if (flag) out.push({ kind: 'incompleteWeek', tone: 'bad', text: m.incompleteWeek(t.m.trend.weekRange(flag.weekStart, flag.weekEnd), fmt.int(flag.orders), fmt.decimal(flag.median, flag.median % 1 === 0 ? 0 : 1)) });

  const churn = data.models?.churn;
  const hv = churn?.highValueAtRisk;
  const high = data.models?.assumptions?.churnBands.high;
  if (churn && hv && hv.customers > 0 && churn.horizonDays !== null && high !== undefined) {
    const tiers = churn.highValueTiers.map((x) => t.m.clv.tierNames[x] ?? x).join(', ').toLowerCase();
    const horizon = t.m.reasons.span(horizonSpan(churn.horizonDays));
    out.push({ kind: 'worthSaving', tone: 'bad', text: m.worthSaving(fmt.int(hv.customers), tiers, horizon, fmt.pct(high), fmt.money(hv.valueIfKept), fmt.money(hv.historicValue)) });
  }

  const move = largestMove(data);
  if (move) {
    out.push({
      kind: 'segmentMove',
      tone: 'neutral',
      text: m.segmentMove(fmt.int(move.customers), segmentName(move.from, t), segmentName(move.to, t), move.clv === null ? null : fmt.money(move.clv)),
    });
  }

  const revenue = data.kpis.find((k) => k.key === 'revenue');
  // runs made before migration 010 compared with the previous run, which the sentence does not say
  if (revenue && revenue.comparedWith !== 'previous_run' && revenue.previous !== null && revenue.previous > 0 && Number.isFinite(revenue.value)) {
    const change = (revenue.value - revenue.previous) / revenue.previous;
    const pct = fmt.pct(Math.abs(change));
    const now = fmt.money(revenue.value);
    if (Math.abs(change) >= REVENUE_CHANGE_THRESHOLD) {
      out.push(change > 0
        ? { kind: 'revenueChange', tone: 'good', text: m.revenueUp(pct, now, days) }
        : { kind: 'revenueChange', tone: 'bad', text: m.revenueDown(pct, now, days) });
    } else {
      const signed = change === 0 ? pct : `${change > 0 ? '+' : '−'}${pct}`;
      later.push({ kind: 'revenueSteady', tone: 'neutral', text: m.revenueSteady(signed, now, days) });
    }
  }

  const churned = kpiValue(data, 'churned');
  const n = (v: number): string => fmt.decimal(v, Number.isInteger(v) ? 0 : 1);
  if (data.previousRun !== null && churned > 0) {
    out.push({ kind: 'churned', tone: 'bad', text: m.churned(fmt.int(churned), n(setting('lostGapMultiple')), n(setting('lostMinDays'))) });
  }
  const wonBack = kpiValue(data, 'won_back');
  if (wonBack > 0) out.push({ kind: 'wonBack', tone: 'good', text: m.wonBack(fmt.int(wonBack), n(setting('wonBackDays'))) });

  const changes = data.clusters?.changes ?? null;
  if (changes && changes.ari !== null && stabilityDrop(changes)) {
    const share = fmt.pct(changes.compared > 0 ? changes.changed / changes.compared : 0);
    const previous = changes.previousAri === null ? null : fmt.decimal(changes.previousAri, 2);
    out.push({ kind: 'clusterStability', tone: 'bad', text: m.clusterStability(fmt.decimal(changes.ari, 2), previous, share) });
  }

  const top20 = data.dynamics?.pareto.find((p) => Math.abs(p.customerShare - 0.2) < 1e-9)?.revenueShare ?? null;
  if (top20 !== null && Number.isFinite(top20)) out.push({ kind: 'concentration', tone: 'neutral', text: m.concentration('20%', fmt.pct(top20)) });

  return [...out, ...later].slice(0, MAX_HIGHLIGHTS);
}

function kpiValue(data: ReportData, key: string): number {
  const v = data.kpis.find((k) => k.key === key)?.value;
  return v !== undefined && Number.isFinite(v) ? v : 0;
}

/** The move between two different segments with the most CLV (then most customers, then by name). */
function largestMove(data: ReportData) {
  const d = data.dynamics;
  if (!d || d.previousAsOf === null) return null;
  const moves = d.segmentMoves.filter((x) => x.from !== x.to && x.from !== 'new' && x.customers > 0);
  const key = (x: (typeof moves)[number]): number => x.clv ?? -1;
  moves.sort((a, b) => key(b) - key(a) || b.customers - a.customers || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  return moves[0] ?? null;
}
