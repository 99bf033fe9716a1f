import { clusterLabel } from '../charts/clusterScatter.js';
import { formatDecimal, formatInt, formatMoney, formatPct, MISSING } from '../format.js';
import type { ClusterProfileRow, ClusterSection, ReportData } from '../types.js';
import { chartDiv } from './chartSlot.js';
import { noData, renderTable, type Column } from './table.js';
import { html, type SafeHtml } from './tag.js';

/** Ids of the cluster charts' placeholder divs. */
export const CLUSTER_SCATTER_CHART_ID = 'chart-cluster-scatter';
export const CLUSTER_SILHOUETTE_CHART_ID = 'chart-cluster-silhouette';

const orNull = (v: number | null, f: (n: number) => string): string => (v === null ? MISSING : f(v));
const meanMedian = (mean: number | null, median: number | null, f: (n: number) => string): string =>
  `${orNull(mean, f)} / ${orNull(median, f)}`;
const days = (n: number): string => formatDecimal(n, 0);
const orders = (n: number): string => formatDecimal(n, 1);
/** Whole dollars: cents would make the two-value cells too wide to read. */
const dollars = (n: number): string => formatMoney(Math.round(n)).replace(/\.00$/, '');

const PROFILE_COLUMNS: Column<ClusterProfileRow>[] = [
  { header: 'Cluster', cell: (p) => clusterLabel(p) },
  { header: 'Customers', cell: (p) => formatInt(p.size), numeric: true },
  { header: 'Share', cell: (p) => formatPct(p.share), numeric: true },
  { header: 'Revenue share', cell: (p) => orNull(p.revenueShare, formatPct), numeric: true },
  { header: 'Recency (days)', cell: (p) => meanMedian(p.meanRecencyDays, p.medianRecencyDays, days), numeric: true },
  { header: 'Orders', cell: (p) => meanMedian(p.meanFrequency, p.medianFrequency, orders), numeric: true },
  { header: 'Net spend', cell: (p) => meanMedian(p.meanMonetary, p.medianMonetary, dollars), numeric: true },
  { header: 'Main RFM segment', cell: (p) => (p.dominantSegment === null ? MISSING : `${p.dominantSegment} (${orNull(p.dominantSegmentShare, formatPct)})`) },
];

type SilhouetteRow = ClusterSection['silhouette'][number];

const SILHOUETTE_COLUMNS: Column<SilhouetteRow>[] = [
  { header: 'k', cell: (s) => formatInt(s.k), numeric: true },
  { header: 'Mean silhouette', cell: (s) => orNull(s.silhouette, (n) => formatDecimal(n, 3)), numeric: true },
  { header: 'Chosen', cell: (s) => (s.chosen ? 'yes' : '') },
];

/**
 * The Clusters section: what the clusters are (profiles table, scatter), why this many (silhouette
 * by k) and how stable they are (customers who changed cluster since the previous run).
 *
 * @example renderClusters(data.clusters, data.previousRun)
 */
export function renderClusters(clusters: ClusterSection | null, previousRun: ReportData['previousRun']): SafeHtml {
  return html`<section id="clusters" aria-labelledby="clusters-h">
<h2 id="clusters-h">Clusters</h2>
${clusters === null ? noData('No clusters for this run: it has too few customers, or was analysed before clustering existed') : body(clusters, previousRun)}
</section>`;
}

function body(c: ClusterSection, previousRun: ReportData['previousRun']): SafeHtml[] {
  const ks = c.silhouette.map((s) => s.k);
  const range = ks.length > 1 ? `among k = ${Math.min(...ks)}–${Math.max(...ks)}` : 'fixed by configuration';
  return [
    html`<p>Groups the data finds on its own (k-means on recency, frequency, spend, tenure, order value and return rate), next to the rule-based segments above. <strong>${formatInt(c.k)} clusters</strong>, ${range}, by the best mean silhouette. Cluster numbers carry over from run to run: this run’s clusters are matched to the previous run’s, so a number keeps its meaning week to week.</p>`,
    html`<p>${changeSentence(c.changes, previousRun)}</p>`,
    renderTable('Cluster profiles (recency, orders and net spend as mean / median per customer)', PROFILE_COLUMNS, c.profiles),
    html`<div class="chart-row">${[
      c.sample.length > 0 ? chartDiv(CLUSTER_SCATTER_CHART_ID, 'Scatter plot of a sample of customers by recency and spend, coloured by cluster') : null,
      chartDiv(CLUSTER_SILHOUETTE_CHART_ID, 'Line chart of the mean silhouette for each number of clusters tried'),
    ]}</div>`,
    renderTable('Mean silhouette per number of clusters tried', SILHOUETTE_COLUMNS, c.silhouette, { compact: true }),
  ];
}

function changeSentence(changes: ClusterSection['changes'], previousRun: ReportData['previousRun']): string {
  if (changes !== null) {
    const share = changes.compared > 0 ? ` (${formatPct(changes.changed / changes.compared)})` : '';
    return `Since the previous run (as of ${changes.previousAsOf}), ${formatInt(changes.changed)} of the ${formatInt(changes.compared)} customers in both runs${share} moved to another cluster.`;
  }
  if (previousRun !== null) return `The previous run (as of ${previousRun.asOf}) has no clusters to compare with, so changes are not counted.`;
  return 'This is the first run, so there are no cluster changes to count yet.';
}
