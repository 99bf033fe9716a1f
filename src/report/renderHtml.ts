import type { ActionList } from './actionLists.js';
import { churnBandsChart } from './charts/churnBands.js';
import { clusterScatterChart } from './charts/clusterScatter.js';
import { clvDistributionChart } from './charts/clvDistribution.js';
import { rfHeatmapChart } from './charts/rfHeatmap.js';
import { segmentSizesChart } from './charts/segmentSizes.js';
import { silhouetteByKChart } from './charts/silhouetteByK.js';
import { dynamicsSections } from './dynamics/sections.js';
import { highlights } from './highlights.js';
import { renderActionLinks } from './html/actions.js';
import type { ChartSlot } from './html/chartSlot.js';
import { CHURN_CHART_ID, renderChurn } from './html/churn.js';
import { CLUSTER_SCATTER_CHART_ID, CLUSTER_SILHOUETTE_CHART_ID, renderClusters } from './html/clusters.js';
import { CLV_CHART_ID, renderClv } from './html/clv.js';
import { selectionCharts } from './html/modelSelection.js';
import { renderCurrencyNote, renderCurrencySection } from './html/currency.js';
import { renderHeader } from './html/header.js';
import { HEATMAP_CHART_ID, renderHeatmap } from './html/heatmap.js';
import { renderHighlights, renderTrustNote } from './html/highlights.js';
import { renderKpis } from './html/kpis.js';
import { renderMethods } from './html/methods.js';
import { renderModelQuality } from './html/modelQuality.js';
import { productsSection } from './html/products.js';
import { renderQuality } from './html/quality.js';
import { renderHouseNote } from './html/house.js';
import { renderRules } from './html/rules.js';
import { renderChartScripts, renderPrintScript } from './html/scripts.js';
import { renderSegments, SEGMENTS_CHART_ID } from './html/segments.js';
import { REPORT_CSS } from './html/styles.js';
import { html, trusted, type SafeHtml } from './html/tag.js';
import { withContents } from './html/toc.js';
import { reportText, type Locale, type ReportText } from './i18n/index.js';
import { KPI_WINDOW_DAYS } from './readKpis.js';
import { renderTrend, trendCharts } from './trend/section.js';
import type { ReportData } from './types.js';

/**
 * Forbids every network request (the page inlines everything it needs), so a mistake in escaping
 * or a library fetching something shows up as a blocked request instead of a leak. Vega compiles
 * its expressions with `new Function`, hence 'unsafe-eval'.
 */
const CSP =
  "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; " +
  "img-src data:; base-uri 'none'; form-action 'none'";

/** How to render: the language, and the CSV action lists written beside the report (to link). */
export interface RenderOptions {
  locale?: Locale;
  actionLists?: readonly ActionList[];
}

/**
 * The whole report as one self-contained HTML page: no network requests, works from file://,
 * and all numbers are readable without JavaScript (charts are drawn on top when scripts run).
 * The first screen is an executive summary (as-of date and data window, highlights, KPI tiles,
 * what to do this week); a table of contents follows, then the sections.
 *
 * @example
 * writeFileSync('reports/latest.html', renderHtml(await readReportData(db, runId), { locale: 'zh-CN' }));
 */
export function renderHtml(data: ReportData, options: RenderOptions = {}): string {
  const t = reportText(options.locale ?? 'en', data.currency.code);
  const windowDays = data.dynamics?.config['kpiWindowDays'] ?? KPI_WINDOW_DAYS;
  const summary = html`<div class="summary" id="summary" role="region" aria-label="${t.m.layout.summaryLabel}">
${renderHeader(data, t)}
${renderCurrencyNote(data.currency, t)}
${renderHouseNote(data.houseAccounts, t)}
${renderHighlights(highlights(data, t), t)}
${renderTrustNote(data, t)}
${renderKpis(data.kpis, data.previousRun, t, windowDays, data.trend)}
${renderTrend(data.trend, t)}
${renderActionLinks(options.actionLists ?? [], t)}
</div>`;
  const body = withContents(sections(data, t), t);
  return html`<!doctype html>
<html lang="${t.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${t.m.header.pageTitle(data.run.asOf)}</title>
<style>${trusted(REPORT_CSS)}</style>
</head>
<body>
<main>
${summary}
${body}
<footer>${t.m.header.footer(String(data.run.runId))}</footer>
</main>
${renderChartScripts(chartSlots(data, t), t)}
${summary.value.includes('<details') || body.value.includes('<details') ? renderPrintScript() : null}
</body>
</html>
`.value;
}

/** The sections after the summary, in reading order: what the customers are, then how, then why. */
function sections(data: ReportData, t: ReportText): SafeHtml {
  return html`${renderSegments(data.segments, t)}
${renderHeatmap(data.rfGrid, t, data.bins)}
${renderClusters(data.clusters, data.previousRun, t)}
${productsSection(data.products ?? null, t, data.previousRun?.asOf ?? null).body}
${dynamicsSections(data.dynamics, t).body}
${renderChurn(data.models, t)}
${renderClv(data.models, t)}
${renderRules(data.rules, data.bins, t)}
${renderQuality(data.loads, data.quarantineByReason, t, data.excludedByReason, data)}
${renderCurrencySection(data.currency, t)}
${renderModelQuality(data.models, t)}
${renderMethods({ models: data.models?.assumptions ?? null, dynamics: data.dynamics?.config ?? null }, t)}`;
}

/** Charts for the sections that have data; empty sections show a message instead. */
function chartSlots(data: ReportData, t: ReportText): ChartSlot[] {
  const slots: ChartSlot[] = [...trendCharts(data.trend, t)];
  if (data.segments.length > 0) slots.push({ id: SEGMENTS_CHART_ID, spec: segmentSizesChart(data.segments, t) });
  if (data.rfGrid.length > 0) slots.push({ id: HEATMAP_CHART_ID, spec: rfHeatmapChart(data.rfGrid, t) });
  if (data.clusters && data.clusters.sample.length > 0) {
    slots.push({ id: CLUSTER_SCATTER_CHART_ID, spec: clusterScatterChart(data.clusters.profiles, data.clusters.sample, t) });
  }
  if (data.clusters) slots.push({ id: CLUSTER_SILHOUETTE_CHART_ID, spec: silhouetteByKChart(data.clusters.silhouette, t) });
  slots.push(...productsSection(data.products ?? null, t, data.previousRun?.asOf ?? null).charts);
  slots.push(...dynamicsSections(data.dynamics, t).charts);
  if (data.models?.churn) slots.push({ id: CHURN_CHART_ID, spec: churnBandsChart(data.models.churn.bands, t) });
  if (data.models?.clv) slots.push({ id: CLV_CHART_ID, spec: clvDistributionChart(data.models.clv.bins, t) });
  slots.push(...selectionCharts(data.models?.selection, t));
  return slots;
}
