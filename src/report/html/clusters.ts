import { clusterLabel } from '../charts/clusterScatter.js';
import { EN, type ReportText } from '../i18n/index.js';
import { segmentName } from '../i18n/names.js';
import { MISSING } from '../format.js';
import type { ClusterChoice, ClusterProfileRow, ClusterSection, ReportData, SetAsideRow } from '../types.js';
import { stabilityDrop } from '../clusterStability.js';
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
    { header: m.clusters.cluster, cell: (p) => clusterLabel(p, t) },
    { header: m.clusters.action, cell: (p) => actionLabel(p.action, t) },
    { header: m.common.customers, cell: (p) => fmt.int(p.size), numeric: true },
    { header: m.common.share, cell: (p) => fmt.pct(p.share), numeric: true },
    { header: m.clusters.revenueShare, cell: (p) => orNull(p.revenueShare, fmt.pct), numeric: true },
    { header: m.clusters.recency, cell: (p) => meanMedian(p.meanRecencyDays, p.medianRecencyDays, days), numeric: true },
    { header: m.common.orders, cell: (p) => meanMedian(p.meanFrequency, p.medianFrequency, orders), numeric: true },
    { header: m.common.netSpend, cell: (p) => meanMedian(p.meanMonetary, p.medianMonetary, dollars), numeric: true },
    { header: m.clusters.mainSegment, cell: (p) => (p.dominantSegment === null ? MISSING : `${segmentName(p.dominantSegment, t)} (${orNull(p.dominantSegmentShare, fmt.pct)})`) },
  ];
}

/** A suggested action's words in the report's language; an unknown code as stored. */
const actionLabel = (code: string | null, t: ReportText): string => (code === null ? MISSING : (t.m.clusters.actions[code] ?? code));

/** Features in the order the lift table shows them: the clustering features first. */
const LIFT_ORDER = ['recency_days', 'frequency', 'monetary', 'tenure_days', 'avg_order_value', 'return_rate'];

function liftColumns(profiles: readonly ClusterProfileRow[], t: ReportText): Column<ClusterProfileRow>[] {
  const m = t.m.clusters;
  const present = new Set(profiles.flatMap((p) => Object.keys(p.lift)));
  const features = [...LIFT_ORDER.filter((f) => present.has(f)), ...[...present].filter((f) => !LIFT_ORDER.includes(f))];
  return [
    { header: m.cluster, cell: (p) => clusterLabel(p, t) },
    ...features.map((f) => ({
      header: m.features[f] ?? f,
      cell: (p: ClusterProfileRow) => orNull(p.lift[f] ?? null, (x) => m.lift(t.fmt.decimal(x, 2))),
      numeric: true,
    })),
  ];
}

function setAsideColumns(t: ReportText): Column<SetAsideRow>[] {
  const { m, fmt } = t;
  const c = m.clusters;
  return [
    { header: c.group, cell: (g) => c.groups[g.reason] ?? g.reason },
    { header: m.common.customers, cell: (g) => fmt.int(g.customers), numeric: true },
    { header: m.common.share, cell: (g) => orNull(g.share, fmt.pct), numeric: true },
    { header: c.revenueShare, cell: (g) => orNull(g.revenueShare, fmt.pct), numeric: true },
    { header: c.recency, cell: (g) => orNull(g.medianRecencyDays, (n) => fmt.decimal(n, 0)), numeric: true },
    { header: m.common.orders, cell: (g) => orNull(g.medianFrequency, (n) => fmt.decimal(n, 1)), numeric: true },
    { header: m.common.netSpend, money: (g) => g.medianMonetary },
  ];
}

/** Each present group's rule, "Group: rule", under the table (a sentence is too long for a cell on a phone). */
function setAsideRules(c: ClusterSection, t: ReportText): SafeHtml {
  const { fmt } = t;
  const m = t.m.clusters;
  const fences = Object.entries(c.choice?.fences ?? {})
    .filter(([, v]) => v !== null)
    .map(([f, v]) => m.fence(m.features[f] ?? f, fmt.decimal(v!, v! >= 100 ? 0 : 1)))
    .join(', ');
  return html`<ul class="methods">${c.setAside.map((g) => html`<li><strong>${m.groups[g.reason] ?? g.reason}</strong>${m.ruleSeparator}${m.groupRules[g.reason]?.(fences) ?? ''}</li>`)}</ul>`;
}

type SilhouetteRow = ClusterSection['silhouette'][number];

const silhouetteColumns = ({ m, fmt }: ReportText): Column<SilhouetteRow>[] => [
  { header: 'k', cell: (s) => fmt.int(s.k), numeric: true },
  { header: m.clusters.meanSilhouette, cell: (s) => orNull(s.silhouette, (n) => fmt.decimal(n, 3)), numeric: true },
  { header: m.clusters.smallest, cell: (s) => orNull(s.minShare, fmt.pct), numeric: true },
  { header: m.clusters.eligible, cell: (s) => (s.eligible === null ? MISSING : s.eligible ? m.common.yes : m.common.no) },
  { header: m.clusters.chosen, cell: (s) => (s.chosen ? m.common.yes : '') },
];

/**
 * The Clusters section: what the clusters are (profiles with suggested actions, lift per feature,
 * scatter), who was set aside, why this many (the rule and the candidates) and how stable they are
 * (customers who changed cluster and the adjusted Rand index since the previous run).
 *
 * @example renderClusters(data.clusters, data.previousRun)
 */
export function renderClusters(clusters: ClusterSection | null, previousRun: ReportData['previousRun'], t: ReportText = EN): SafeHtml {
  return html`<section id="clusters" aria-labelledby="clusters-h">
<h2 id="clusters-h">${t.m.clusters.title}</h2>
${clusters === null ? noData(t.m.clusters.none) : body(clusters, previousRun, t)}
</section>`;
}

function body(c: ClusterSection, previousRun: ReportData['previousRun'], t: ReportText): (SafeHtml | null)[] {
  const m = t.m.clusters;
  const ks = c.silhouette.map((s) => s.k);
  const range = ks.length > 1 ? m.range(String(Math.min(...ks)), String(Math.max(...ks))) : m.fixedK;
  // the intro's "N clusters" is bold: split the sentence at the number so only data is escaped
  const [before, after] = splitAt(m.intro('\u0000', range), '\u0000');
  const drop = stabilityDrop(c.changes);
  return [
    html`<p>${before}<strong>${t.fmt.int(c.k)}</strong>${after} ${reasonSentence(c.choice, t)}</p>`,
    html`<p${drop ? html` class="warning"` : null}>${changeSentence(c.changes, previousRun, t)}</p>`,
    renderTable(m.profilesCaption, profileColumns(t), c.profiles, { t }),
    c.profiles.some((p) => Object.keys(p.lift).length > 0) ? renderTable(m.liftCaption, liftColumns(c.profiles, t), c.profiles, { t }) : null,
    c.choice ? html`<p class="note">${namingSentence(c.choice, t)}</p>` : null,
    setAsidePart(c, t),
    html`<div class="chart-row">${[
      c.sample.length > 0 ? chartDiv(CLUSTER_SCATTER_CHART_ID, m.scatterAria, t) : null,
      chartDiv(CLUSTER_SILHOUETTE_CHART_ID, m.silhouetteAria, t),
    ]}</div>`,
    renderTable(m.silhouetteCaption, silhouetteColumns(t), c.silhouette, { compact: true, collapse: true, t }),
  ];
}

/** Why this k, from the stored reason and the rule's settings (nothing for runs before migration 019). */
function reasonSentence(choice: ClusterChoice | null, t: ReportText): string {
  if (choice === null) return '';
  const say = t.m.clusters.reason[choice.reason];
  if (say === undefined) return '';
  // whole percentages: the rule's settings are round numbers
  const pct = (x: number): string => `${t.fmt.decimal(x * 100, Number.isInteger(Math.round(x * 1e6) / 1e4) ? 0 : 1)}%`;
  return say(pct(choice.tolerance), pct(choice.minShare), choice.bestK === null ? MISSING : t.fmt.int(choice.bestK));
}

function namingSentence(c: ClusterChoice, t: ReportText): string {
  const { fmt } = t;
  const days = (v: number | null): string => orNull(v, (n) => fmt.decimal(n, n < 10 ? 1 : 0));
  const money = (v: number | null): string => orNull(v, (n) => fmt.moneyIn(n, false));
  return t.m.clusters.namingCaption(days(c.cycleDays), days(c.recentDays), days(c.lapsedDays), orNull(c.frequentOrders, (n) => fmt.decimal(n, 0)), money(c.spendLow), money(c.spendHigh));
}

/** The set-aside groups: a sentence and their table, or a sentence that there are none. */
function setAsidePart(c: ClusterSection, t: ReportText): SafeHtml | null {
  const m = t.m.clusters;
  if (c.choice === null) return null;
  if (c.setAside.length === 0) return html`<p>${m.noneSetAside}</p>`;
  const n = c.setAside.reduce((s, g) => s + g.customers, 0);
  const all = c.choice.clustered + c.choice.setAside;
  return html`<p>${m.setAsideIntro(t.fmt.int(n), t.fmt.pct(all > 0 ? n / all : 0))}</p>
${renderTable(m.setAsideCaption, setAsideColumns(t), c.setAside, { t })}
${setAsideRules(c, t)}`;
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
    const ari = changes.ari === null ? '' : m.ari(t.fmt.decimal(changes.ari, 2));
    const drop = stabilityDrop(changes) && changes.previousAri !== null ? m.ariDrop(t.fmt.decimal(changes.previousAri, 2)) : '';
    return m.changed(changes.previousAsOf, t.fmt.int(changes.changed), t.fmt.int(changes.compared), share) + ari + drop;
  }
  if (previousRun !== null) return m.previousHasNone(previousRun.asOf);
  return m.firstRun;
}
