import { clusterScatterChart } from './charts/clusterScatter.js';
import { rfHeatmapChart } from './charts/rfHeatmap.js';
import { segmentSizesChart } from './charts/segmentSizes.js';
import { silhouetteByKChart } from './charts/silhouetteByK.js';
import type { ChartSlot } from './html/chartSlot.js';
import { CLUSTER_SCATTER_CHART_ID, CLUSTER_SILHOUETTE_CHART_ID, renderClusters } from './html/clusters.js';
import { REPORT_TITLE, renderHeader } from './html/header.js';
import { HEATMAP_CHART_ID, renderHeatmap } from './html/heatmap.js';
import { renderKpis } from './html/kpis.js';
import { renderMethods } from './html/methods.js';
import { renderQuality } from './html/quality.js';
import { renderRules } from './html/rules.js';
import { renderChartScripts } from './html/scripts.js';
import { renderSegments, SEGMENTS_CHART_ID } from './html/segments.js';
import { REPORT_CSS } from './html/styles.js';
import { html, trusted } from './html/tag.js';
import type { ReportData } from './types.js';
import { dynamicsSections } from './dynamics/sections.js';
import { churnBandsChart } from './charts/churnBands.js';
import { clvDistributionChart } from './charts/clvDistribution.js';
import { CHURN_CHART_ID, renderChurn } from './html/churn.js';
import { CLV_CHART_ID, renderClv } from './html/clv.js';
import { renderModelQuality } from './html/modelQuality.js';

/**
 * Forbids every network request (the page inlines everything it needs), so a mistake in escaping
 * or a library fetching something shows up as a blocked request instead of a leak. Vega compiles
 * its expressions with `new Function`, hence 'unsafe-eval'.
 */
const CSP =
  "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; " +
  "img-src data:; base-uri 'none'; form-action 'none'";

/**
 * The whole report as one self-contained HTML page: no network requests, works from file://,
 * and all numbers are readable without JavaScript (charts are drawn on top when scripts run).
 *
 * @example
 * writeFileSync('reports/latest.html', renderHtml(await readReportData(db, runId)));
 */
export function renderHtml(data: ReportData): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${REPORT_TITLE} · as of ${data.run.asOf}</title>
<style>${trusted(REPORT_CSS)}</style>
</head>
<body>
<main>
${renderHeader(data)}
${renderKpis(data.kpis, data.previousRun)}
${renderSegments(data.segments)}
${renderHeatmap(data.rfGrid)}
${renderClusters(data.clusters, data.previousRun)}
${dynamicsSections(data.dynamics).body}
${renderChurn(data.models)}
${renderClv(data.models)}
${renderRules(data.rules, data.bins)}
${renderQuality(data.loads, data.quarantineByReason)}
${renderModelQuality(data.models)}
${renderMethods()}
<footer>Generated from run #${data.run.runId}. This file is self-contained and makes no network requests.</footer>
</main>
${renderChartScripts(chartSlots(data))}
</body>
</html>
`.value;
}

/** Charts for the sections that have data; empty sections show a message instead. */
function chartSlots(data: ReportData): ChartSlot[] {
  const slots: ChartSlot[] = [];
  if (data.segments.length > 0) slots.push({ id: SEGMENTS_CHART_ID, spec: segmentSizesChart(data.segments) });
  if (data.rfGrid.length > 0) slots.push({ id: HEATMAP_CHART_ID, spec: rfHeatmapChart(data.rfGrid) });
  if (data.clusters && data.clusters.sample.length > 0) {
    slots.push({ id: CLUSTER_SCATTER_CHART_ID, spec: clusterScatterChart(data.clusters.profiles, data.clusters.sample) });
  }
  if (data.clusters) slots.push({ id: CLUSTER_SILHOUETTE_CHART_ID, spec: silhouetteByKChart(data.clusters.silhouette) });
  slots.push(...dynamicsSections(data.dynamics).charts);
  if (data.models?.churn) slots.push({ id: CHURN_CHART_ID, spec: churnBandsChart(data.models.churn.bands) });
  if (data.models?.clv) slots.push({ id: CLV_CHART_ID, spec: clvDistributionChart(data.models.clv.bins) });
  return slots;
}
