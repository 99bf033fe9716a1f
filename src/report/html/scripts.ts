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
    var copy = JSON.parse(JSON.stringify(spec));
    copy.spacing = Math.min(copy.spacing || 0, 12);
    room += (spec.spacing || 0) - copy.spacing;
    var scale = Math.max(room, 50 * spec.hconcat.length) / natural;
    copy.hconcat.forEach(function (p) { p.width = Math.floor(p.width * scale); });
    return copy;
  }
  // a title longer than a narrow box is cut off by vega: break it into lines instead
  function wrapTitle(spec, el) {
    var title = spec.title;
    if (!title || typeof title.text !== 'string') return spec;
    var room = el.clientWidth - 12;
    var width = function (s) { return s.replace(/[\\u2E80-\\uFFFF]/g, '  ').length * 9.5; };
    if (width(title.text) <= room) return spec;
    var lines = [''];
    title.text.split(/(?<=\\s)|(?=[\\u2E80-\\uFFFF])/).forEach(function (w) {
      var last = lines[lines.length - 1];
      if (last !== '' && width(last + w) > room) lines.push(w.trimStart()); else lines[lines.length - 1] = last + w;
    });
    return Object.assign({}, spec, { title: Object.assign({}, title, { text: lines }) });
  }
  __CHARTS__.forEach(function (c) {
    var el = document.getElementById(c.id);
    if (!el) return;
    try {
      if (typeof vegaEmbed !== 'function') throw new Error(__TEXT__.chartLibraryMissing);
      var spec = wrapTitle(fitPanels(c.spec, el), el);
      var options = { actions: false, renderer: 'svg', mode: 'vega-lite' };
      vegaEmbed(el, spec, options)
        .then(function (result) {
          // the label widths were an estimate: take what is still over off the panels, once
          var svg = el.querySelector('svg');
          var over = svg ? svg.getBoundingClientRect().width - el.clientWidth : 0;
          if (over <= 0 || !spec.hconcat || !(spec.usermeta && spec.usermeta.fitPanels)) return;
          result.finalize();
          var copy = JSON.parse(JSON.stringify(spec));
          var cut = Math.ceil(over / copy.hconcat.length) + 2;
          copy.hconcat.forEach(function (p) { p.width = Math.max(40, p.width - cut); });
          return vegaEmbed(el, copy, options);
        })
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
