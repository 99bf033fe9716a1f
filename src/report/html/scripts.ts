import { vegaAssets } from '../assets.js';
import { jsonForScript } from '../escape.js';
import type { ChartSlot } from './chartSlot.js';
import { EN, type ReportText } from '../i18n/index.js';
import { html, trusted, type SafeHtml } from './tag.js';

/**
 * Draws each chart into its div. Runs in the browser; a chart that fails (or a library that did
 * not load) replaces only its own div with the error text, so the rest of the page still works.
 */
const EMBED_CHARTS = `
(function () {
  function fail(el, err) {
    var p = document.createElement('p');
    p.className = 'chart-error';
    var message = err && err.message ? err.message : String(err);
    // a function replacement, so "$&" in an error message is not read as a pattern
    p.textContent = __TEXT__.chartError.replace('{error}', function () { return message; });
    el.replaceChildren(p);
  }
  // side-by-side panels (usermeta.fitPanels) narrow alike until they fit their box, e.g. on a phone
  function fitPanels(spec, el) {
    var fit = spec.usermeta && spec.usermeta.fitPanels;
    if (!fit || !spec.hconcat) return spec;
    var natural = spec.hconcat.reduce(function (s, p) { return s + p.width; }, 0);
    var room = el.clientWidth - fit.fixed - (spec.spacing || 0) * (spec.hconcat.length - 1);
    if (room >= natural) return spec;
    var scale = Math.max(room, 80 * spec.hconcat.length) / natural;
    var copy = JSON.parse(JSON.stringify(spec));
    copy.hconcat.forEach(function (p) { p.width = Math.floor(p.width * scale); });
    return copy;
  }
  __CHARTS__.forEach(function (c) {
    var el = document.getElementById(c.id);
    if (!el) return;
    try {
      if (typeof vegaEmbed !== 'function') throw new Error(__TEXT__.chartLibraryMissing);
      vegaEmbed(el, fitPanels(c.spec, el), { actions: false, renderer: 'svg', mode: 'vega-lite' })
        .catch(function (err) { fail(el, err); });
    } catch (err) {
      fail(el, err);
    }
  });
})();
`;

/**
 * The inlined chart libraries and the script that draws the given charts; nothing when there
 * are no charts, so a report without chart data carries no JavaScript at all.
 *
 * @example renderChartScripts([{ id: 'chart-segments', spec }])
 */
export function renderChartScripts(charts: readonly ChartSlot[], t: ReportText = EN): SafeHtml {
  if (charts.length === 0) return html``;
  const { vega, vegaLite, vegaEmbed } = vegaAssets();
  const text = { chartError: t.m.common.chartError, chartLibraryMissing: t.m.common.chartLibraryMissing };
  // texts first: the chart data may contain anything, including the placeholder names
  const embed = EMBED_CHARTS.replace(/__TEXT__/g, () => jsonForScript(text)).replace('__CHARTS__', () => jsonForScript(charts));
  return html`<script>${trusted(vega)}</script>
<script>${trusted(vegaLite)}</script>
<script>${trusted(vegaEmbed)}</script>
<script>${trusted(embed)}</script>`;
}

/**
 * Opens every folded table for printing and folds them again afterwards; the stylesheet does the
 * same without JavaScript where the browser supports ::details-content.
 */
const PRINT_DETAILS = `
(function () {
  var opened = [];
  addEventListener('beforeprint', function () {
    document.querySelectorAll('details:not([open])').forEach(function (d) { d.open = true; opened.push(d); });
  });
  addEventListener('afterprint', function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();
`;

/**
 * The small script that opens folded tables for printing.
 * @example renderPrintScript() // <script>…beforeprint…</script>
 */
export const renderPrintScript = (): SafeHtml => html`<script>${trusted(PRINT_DETAILS)}</script>`;
