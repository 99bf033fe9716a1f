import { clusterLabel } from '../charts/clusterScatter.js';
import { EN, type ReportText } from '../i18n/index.js';
import { segmentName } from '../i18n/names.js';
import { MISSING } from '../format.js';
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

function profileColumns(t: ReportText): Column<ClusterProfileRow>[] {
  const { m, fmt } = t;
  const days = (n: number): string => fmt.decimal(n, 0);
  const orders = (n: number): string => fmt.decimal(n, 1);
  /** Whole units: cents would make the two-value cells too wide to read. */
  const dollars = (n: number): string => fmt.moneyIn(n, false);
  return [
    { header: m.clusters.cluster, cell: (p) => clusterLabel(p, t), prose: true },
    { header: m.common.customers, cell: (p) => fmt.int(p.size), numeric: true },
    { header: m.common.share, cell: (p) => fmt.pct(p.share), numeric: true },
    { header: m.clusters.revenueShare, cell: (p) => orNull(p.revenueShare, fmt.pct), numeric: true },
    { header: m.clusters.recency, cell: (p) => meanMedian(p.meanRecencyDays, p.medianRecencyDays, days), numeric: true },
    { header: m.common.orders, cell: (p) => meanMedian(p.meanFrequency, p.medianFrequency, orders), numeric: true },
    { header: m.common.netSpend, cell: (p) => meanMedian(p.meanMonetary, p.medianMonetary, dollars), numeric: true },
    { header: m.clusters.mainSegment, cell: (p) => (p.dominantSegment === null ? MISSING : `${segmentName(p.dominantSegment, t)} (${orNull(p.dominantSegmentShare, fmt.pct)})`) },
  ];
}

type SilhouetteRow = ClusterSection['silhouette'][number];

const silhouetteColumns = ({ m, fmt }: ReportText): Column<SilhouetteRow>[] => [
  { header: 'k', cell: (s) => fmt.int(s.k), numeric: true },
  { header: m.clusters.meanSilhouette, cell: (s) => orNull(s.silhouette, (n) => fmt.decimal(n, 3)), numeric: true },
  { header: m.clusters.chosen, cell: (s) => (s.chosen ? m.common.yes : '') },
];

/**
 * The Clusters section: what the clusters are (profiles table, scatter), why this many (silhouette
 * by k) and how stable they are (customers who changed cluster since the previous run).
 *
 * @example renderClusters(data.clusters, data.previousRun)
 */
export function renderClusters(clusters: ClusterSection | null, previousRun: ReportData['previousRun'], t: ReportText = EN): SafeHtml {
  return html`<section id="clusters" aria-labelledby="clusters-h">
<h2 id="clusters-h">${t.m.clusters.title}</h2>
${clusters === null ? noData(t.m.clusters.none) : body(clusters, previousRun, t)}
</section>`;
}

function body(c: ClusterSection, previousRun: ReportData['previousRun'], t: ReportText): SafeHtml[] {
  const m = t.m.clusters;
  const ks = c.silhouette.map((s) => s.k);
  const range = ks.length > 1 ? m.range(String(Math.min(...ks)), String(Math.max(...ks))) : m.fixedK;
  // the intro's "N clusters" is bold: split the sentence at the number so only data is escaped
  const [before, after] = splitAt(m.intro('\u0000', range), '\u0000');
  return [
    html`<p>${before}<strong>${t.fmt.int(c.k)}</strong>${after}</p>`,
    html`<p>${changeSentence(c.changes, previousRun, t)}</p>`,
    renderTable(m.profilesCaption, profileColumns(t), c.profiles, { t }),
    html`<div class="chart-row">${[
      c.sample.length > 0 ? chartDiv(CLUSTER_SCATTER_CHART_ID, m.scatterAria, t) : null,
      chartDiv(CLUSTER_SILHOUETTE_CHART_ID, m.silhouetteAria, t),
    ]}</div>`,
    renderTable(m.silhouetteCaption, silhouetteColumns(t), c.silhouette, { compact: true, collapse: true, t }),
  ];
}

/** Text before and after the first occurrence of a marker (all of it before when absent). */
function splitAt(s: string, marker: string): [string, string] {
  const i = s.indexOf(marker);
  return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i + marker.length)];
}

function changeSentence(changes: ClusterSection['changes'], previousRun: ReportData['previousRun'], t: ReportText): string {
  const m = t.m.clusters;
  if (changes !== null) {
    const share = changes.compared > 0 ? ` (${t.fmt.pct(changes.changed / changes.compared)})` : '';
    return m.changed(changes.previousAsOf, t.fmt.int(changes.changed), t.fmt.int(changes.compared), share);
  }
  if (previousRun !== null) return m.previousHasNone(previousRun.asOf);
  return m.firstRun;
}
