import { sampleDynamics } from './sampleDynamics.js';
import { sampleModels } from './sampleModels.js';
import { sampleTrend } from './sampleTrend.js';
import type { ClusterSection, ReportData, RfCell, RuleRow } from '../../src/report/types.js';

/** A segment name that would run script if it ever reached the page unescaped. */
export const HOSTILE_SEGMENT = '<img src=x onerror=alert(1)>';

const RULES: RuleRow[] = [
  { priority: 1, segment: 'Champions', rMin: 4, rMax: 5, fMin: 4, fMax: 5, mMin: 1, mMax: 5, description: 'Bought recently, buy often' },
  { priority: 2, segment: 'Loyal', rMin: 3, rMax: 5, fMin: 3, fMax: 5, mMin: 1, mMax: 5, description: 'Regular buyers' },
  { priority: 3, segment: 'New', rMin: 4, rMax: 5, fMin: 1, fMax: 2, mMin: 1, mMax: 5, description: 'First orders lately' },
  { priority: 4, segment: 'At risk', rMin: 1, rMax: 2, fMin: 3, fMax: 5, mMin: 1, mMax: 5, description: 'Used to buy often, not lately' },
  { priority: 5, segment: HOSTILE_SEGMENT, rMin: 1, rMax: 2, fMin: 1, fMax: 2, mMin: 1, mMax: 5, description: 'Lost & <b>gone</b>' },
  { priority: 6, segment: 'Others', rMin: 1, rMax: 5, fMin: 1, fMax: 5, mMin: 1, mMax: 5, description: null },
];

/** Segment of an R×F cell by the rules above (first match wins; M ignored as it spans 1..5). */
function segmentOf(r: number, f: number): string {
  return RULES.find((x) => r >= x.rMin && r <= x.rMax && f >= x.fMin && f <= x.fMax)!.segment;
}

/** A deterministic grid with a few empty cells, so "all 25 cells" is actually exercised. */
function grid(): RfCell[] {
  const cells: RfCell[] = [];
  for (let r = 1; r <= 5; r++) {
    for (let f = 1; f <= 5; f++) {
      if ((r === 5 && f === 1) || (r === 1 && f === 5)) continue;
      const customers = 20 + ((r * 37 + f * 53) % 90);
      cells.push({ r, f, customers, meanMonetary: 40 + r * 15 + f * f * 30, segment: segmentOf(r, f) });
    }
  }
  return cells;
}

/** Segment totals derived from the grid, so the sections agree with each other. */
function segments(cells: RfCell[]): ReportData['segments'] {
  const total = cells.reduce((s, c) => s + c.customers, 0);
  const revenueAll = cells.reduce((s, c) => s + c.customers * c.meanMonetary, 0);
  const names = [...new Set(cells.map((c) => c.segment))];
  return names.map((segment, i) => {
    const mine = cells.filter((c) => c.segment === segment);
    const customers = mine.reduce((s, c) => s + c.customers, 0);
    const revenue = mine.reduce((s, c) => s + c.customers * c.meanMonetary, 0);
    return {
      segment,
      customers,
      share: customers / total,
      revenue,
      revenueShare: revenue / revenueAll,
      avgRecencyDays: 20 + i * 37.5,
      avgFrequency: 1.2 + (names.length - i) * 0.8,
      avgMonetary: revenue / customers,
    };
  });
}

/**
 * A small but complete ReportData: every section has rows, one segment name is hostile HTML, and
 * a load path carries markup too.
 */
export function sampleReportData(): ReportData {
  const rfGrid = grid();
  const segs = segments(rfGrid);
  const customers = segs.reduce((s, x) => s + x.customers, 0);
  return {
    run: { runId: 7, asOf: '2024-06-30', pipeline: 'weekly', startedAt: '2024-07-01T06:00:00Z', rulesName: 'default-rfm' },
    previousRun: { runId: 6, asOf: '2024-06-23' },
    window: { firstOrderDate: '2022-01-03', lastOrderDate: '2024-06-29', transactions: 48211, customers },
    kpis: [
      { key: 'customers', label: 'Customers scored', value: customers, previous: customers - 41, format: 'int' },
      { key: 'revenue_90d', label: 'Revenue (90 days)', value: 412345.67, previous: 398000, format: 'money' },
      { key: 'aov', label: 'Average order value', value: 84.5, previous: 86.25, format: 'money' },
      { key: 'repeat_rate', label: 'Repeat customer rate', value: 0.412, previous: 0.4, format: 'pct' },
      { key: 'median_recency', label: 'Median recency', value: 38.5, previous: 38.5, format: 'days' },
      { key: 'orders_per_customer', label: 'Orders per customer', value: 3.14, previous: null, format: 'decimal' },
      // valence: up is bad for the return rate, down is good for newly lapsed, a change rounding to 0 is neutral
      { key: 'return_rate', label: 'Return rate (last 28 days)', value: 0.061, previous: 0.05, format: 'pct', windowDays: 28, comparedWith: 'previous_window' },
      { key: 'churned', label: 'Newly lapsed (since the previous run)', value: 12, previous: 20, format: 'int', windowDays: null, comparedWith: 'previous_run' },
      { key: 'orders', label: 'Orders (last 28 days)', value: 400, previous: 380, format: 'int', windowDays: 28, comparedWith: 'previous_window' },
      { key: 'active_customers', label: 'Active customers (last 28 days)', value: 300, previous: 310, format: 'int', windowDays: 28, comparedWith: 'previous_window' },
      { key: 'new_customers', label: 'New customers (last 28 days)', value: 50, previous: 50, format: 'int', windowDays: 28, comparedWith: 'previous_window' },
      { key: 'won_back', label: 'Won back (last 90 days)', value: 9, previous: null, format: 'int', windowDays: 90, comparedWith: 'none' },
    ],
    segments: segs,
    rfGrid,
    rules: RULES,
    bins: bins(),
    loads: [
      { loadId: 1, path: 'data/exports/2024-06-01.csv', loadedAt: '2024-06-02T05:00:00Z', rowsRead: 30120, rowsLoaded: 30001, rowsDuplicate: 80, rowsExcluded: 12, rowsQuarantined: 27, status: 'ok' },
      { loadId: 2, path: `data/"><script>alert(1)</script>.csv`, loadedAt: '2024-06-30T05:00:00Z', rowsRead: 18300, rowsLoaded: 18210, rowsDuplicate: 40, rowsExcluded: 0, rowsQuarantined: 50, status: 'ok' },
    ],
    quarantineByReason: [
      { reason: 'unparseable date', rows: 41 },
      { reason: 'negative quantity without return flag', rows: 36 },
    ],
    clusters: clusters(customers),
    dynamics: sampleDynamics(),
    models: sampleModels(),
    trend: sampleTrend(),
    houseAccounts: [],
    noCustomer: null,
    // the builders' default currency, so the sections' existing expectations ("$412,346") hold
    currency: { code: 'USD', chosen: 'most revenue', others: [] },
  };
}

/**
 * Four clusters whose sizes add up to the run's customers, a silhouette curve peaking at the
 * chosen k, two set-aside groups, a change count with its ARI, and a deterministic scatter
 * sample. One dominant segment is hostile.
 */
export function clusters(customers: number): ClusterSection {
  const names = ['recent frequent high spenders', 'recent one-timers', 'lapsed occasional mid spenders', HOSTILE_SEGMENT];
  const shares = [0.2, 0.3, 0.4, 0.1];
  const sizes = shares.map((s) => Math.round(s * customers));
  sizes[3] = customers - sizes[0]! - sizes[1]! - sizes[2]!;
  const profiles = names.map((name, c) => ({
    cluster: c,
    name,
    size: sizes[c]!,
    share: sizes[c]! / customers,
    revenueShare: [0.6, 0.15, 0.2, 0.05][c]!,
    meanRecencyDays: [20, 15, 300, 150][c]!,
    medianRecencyDays: [12, 10, 280, 120][c]!,
    meanFrequency: [9.5, 1, 2.2, 1.4][c]!,
    medianFrequency: [8, 1, 2, 1][c]!,
    meanMonetary: [820.5, 45.25, 120, -3.5][c]!,
    medianMonetary: [640, 40, 95.5, 0][c]!,
    dominantSegment: ['Champions', 'New', 'At risk', HOSTILE_SEGMENT][c]!,
    dominantSegmentShare: [0.7, 0.55, 0.4, 0.9][c]!,
    action: ['reward', 'second_order', 'win_back', 'upsell'][c]!,
    lift: {
      recency_days: [0.1, 0.08, 1.9, 0.9][c]!,
      frequency: [3.1, 0.3, 0.7, 0.5][c]!,
      monetary: [2.95, 0.2, 0.45, null][c]!,
      tenure_days: [1.4, 0.1, 1.2, 0.8][c]!,
    },
  }));
  const silhouette = [3, 4, 5, 6, 7, 8].map((k) => ({
    k,
    silhouette: 0.45 - Math.abs(k - 4) * 0.04,
    chosen: k === 4,
    minShare: k <= 5 ? 0.1 / (k - 2) : 0.012,
    eligible: k <= 5,
  }));
  const choice = {
    reason: 'largest_within_tolerance',
    bestK: 4,
    tolerance: 0.1,
    minShare: 0.02,
    clustered: customers,
    setAside: 25,
    cycleDays: 31.5,
    recentDays: 31.5,
    lapsedDays: 94.5,
    frequentOrders: 4,
    spendLow: 36,
    spendHigh: 186.4,
    fences: { frequency: 77.1, monetary: 24525.6, avg_order_value: 877 },
  };
  const setAside = [
    { reason: 'no_net_spend', customers: 21, share: 21 / (customers + 25), revenueShare: 0, medianRecencyDays: 128, medianFrequency: 1, medianMonetary: 0 },
    { reason: 'outlier', customers: 4, share: 4 / (customers + 25), revenueShare: 0.31, medianRecencyDays: 9, medianFrequency: 120, medianMonetary: 456000 },
  ];
  // A small deterministic spread around each cluster's medians (an LCG, not Math.random).
  let state = 12345;
  const next = (): number => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  const sample = Array.from({ length: 300 }, (_, i) => {
    const c = i % 4;
    const p = profiles[c]!;
    return {
      customerId: c === 3 && i === 3 ? '<b>C-0003</b>' : `C-${String(i).padStart(4, '0')}`,
      cluster: c,
      recencyDays: Math.round(p.medianRecencyDays! * (0.3 + 1.4 * next())),
      frequency: Math.max(1, Math.round(p.medianFrequency! * (0.5 + next()))),
      monetary: Math.round((p.medianMonetary! - 10 + 40 * next()) * (0.5 + next()) * 100) / 100,
    };
  });
  return {
    k: 4,
    profiles,
    silhouette,
    choice,
    setAside,
    changes: { previousRunId: 6, previousAsOf: '2024-06-23', compared: 1200, changed: 84, ari: 0.91, previousAri: 0.93 },
    sample,
  };
}

function bins(): ReportData['bins'] {
  const edges = { recency_days: [12, 40, 95, 200], frequency: [1, 2, 4, 7], monetary: [45.5, 120, 300, 800] } as const;
  return (Object.keys(edges) as (keyof typeof edges)[]).flatMap((metric) => {
    const e = edges[metric];
    return [0, 1, 2, 3, 4].map((i) => ({
      metric,
      // Recency: fewer days is better, so the lowest bin scores 5.
      score: metric === 'recency_days' ? 5 - i : i + 1,
      lower: i === 0 ? null : e[i - 1]!,
      upper: i === 4 ? null : e[i]!,
      customers: 200 + i * 7,
    }));
  });
}
