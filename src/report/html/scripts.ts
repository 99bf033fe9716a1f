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
  __CHARTS__.forEach(function (c) {
    var el = document.getElementById(c.id);
    if (!el) return;
    try {
      if (typeof vegaEmbed !== 'function') throw new Error(__TEXT__.chartLibraryMissing);
      vegaEmbed(el, c.spec, { actions: false, renderer: 'svg', mode: 'vega-lite' })
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
