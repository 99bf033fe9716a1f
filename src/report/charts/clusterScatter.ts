import type { TopLevelSpec } from 'vega-lite';
import { EN, type ReportText } from '../i18n/index.js';
import { clusterDisplayName } from '../i18n/names.js';
import type { ClusterPoint, ClusterProfileRow } from '../types.js';
import { FIT_WIDTH, VL_SCHEMA, chartConfig } from './common.js';

/** Categorical colours (Tableau 10) by cluster id; k is at most 8 by default, ids wrap beyond 10. */
export const CLUSTER_COLORS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'] as const;

/**
 * How a cluster is labelled in charts and the table: its stable id and its name in the report's language.
 * @example clusterLabel({ cluster: 0, name: 'recent frequent high spenders' }) // '0 · recent frequent high spenders'
 */
export const clusterLabel = (p: Pick<ClusterProfileRow, 'cluster' | 'name'>, t: ReportText = EN): string =>
  `${p.cluster} · ${clusterDisplayName(p.name, t)}`;

/** One scatter point with its cluster's label and preformatted tooltip values. */
export interface ScatterDatum {
  customerId: string;
  cluster: string;
  recencyDays: number;
  monetary: number;
  frequencyLabel: string;
  monetaryLabel: string;
}

/**
 * Recency against net spend for a sample of customers, coloured by cluster. Both axes use a
 * symmetric log scale (linear near zero, logarithmic beyond), which keeps recency 0 and spend ≤ 0
 * on the chart while spreading the long right tails the clusters were found in.
 *
 * @example
 * const spec = clusterScatterChart(data.clusters.profiles, data.clusters.sample);
 * vegaEmbed('#chart-cluster-scatter', spec);
 */
export function clusterScatterChart(profiles: readonly ClusterProfileRow[], sample: readonly ClusterPoint[], t: ReportText = EN): TopLevelSpec {
  const c = t.m.charts.scatter;
  const labelOf = new Map(profiles.map((p) => [p.cluster, clusterLabel(p, t)]));
  const values: ScatterDatum[] = sample.map((p) => ({
    customerId: p.customerId,
    cluster: labelOf.get(p.cluster) ?? String(p.cluster),
    recencyDays: p.recencyDays,
    monetary: p.monetary,
    frequencyLabel: t.fmt.int(p.frequency),
    monetaryLabel: t.fmt.money(p.monetary),
  }));
  const ordered = [...profiles].sort((a, b) => a.cluster - b.cluster);
  return {
    $schema: VL_SCHEMA,
    title: {
      text: c.title,
      subtitle: c.subtitle(t.fmt.int(values.length)),
    },
    description: c.description,
    data: { values },
    ...FIT_WIDTH,
    height: 340,
    mark: { type: 'point', filled: true, size: 18, opacity: 0.55 },
    encoding: {
      x: {
        field: 'recencyDays',
        type: 'quantitative',
        title: c.x,
        scale: { type: 'symlog', constant: 1, nice: false },
        axis: { values: ticks(values.map((v) => v.recencyDays), RECENCY_TICKS), format: ',.0f', grid: true, gridColor: '#eef0f3' },
      },
      y: {
        field: 'monetary',
        type: 'quantitative',
        title: c.y,
        scale: { type: 'symlog', constant: 1, nice: false },
        axis: { values: ticks(values.map((v) => v.monetary), MONEY_TICKS), format: '$,.0f', grid: true, gridColor: '#eef0f3' },
      },
      color: {
        field: 'cluster',
        type: 'nominal',
        title: c.cluster,
        scale: { domain: ordered.map((p) => clusterLabel(p, t)), range: ordered.map((p) => CLUSTER_COLORS[p.cluster % CLUSTER_COLORS.length]!) },
        legend: { orient: 'bottom', columns: 1, labelLimit: 320, symbolOpacity: 1 }, // one column: fits a phone
      },
      tooltip: [
        { field: 'customerId', type: 'nominal', title: t.m.common.customer },
        { field: 'cluster', type: 'nominal', title: c.cluster },
        { field: 'recencyDays', type: 'quantitative', title: c.x, format: ',.0f' },
        { field: 'frequencyLabel', type: 'nominal', title: t.m.common.orders },
        { field: 'monetaryLabel', type: 'nominal', title: c.y },
      ],
    },
    config: chartConfig(t),
  };
}

// Ticks a reader can place: days in weeks, months and years; spend in 1-3-10 steps. When the data
// span too many, the sparser list is used: vega's own ticks on a symlog scale bunch up at the end.
const RECENCY_TICKS = [[0, 7, 30, 90, 180, 365, 730, 1095, 1460, 1825], [0, 30, 365, 730, 1825, 3650, 7300]];
const MONEY_TICKS = [
  [0, 10, 30, 100, 300, 1000, 3000, 10_000],
  [0, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000],
];

/** Axis tick values within the data's range, mirrored for negative values (net refunds). */
function ticks(data: number[], candidates: number[][]): number[] {
  if (data.length === 0) return [];
  const lo = Math.min(0, ...data);
  const hi = Math.max(0, ...data);
  let best: number[] = [];
  for (const list of candidates) {
    const up = list.filter((t) => t <= hi);
    const down = list.filter((t) => t > 0 && -t >= lo).map((t) => -t).reverse();
    best = [...down, ...up];
    const covers = list[list.length - 1]! >= Math.max(hi, -lo);
    if (best.length <= 8 && covers) break;
  }
  return best;
}
