import { EN, type ReportText } from '../i18n/index.js';
import { html, trusted, type SafeHtml } from './tag.js';

/** A section heading found in rendered markup: its section id and its (already escaped) title. */
export interface TocEntry {
  id: string;
  titleHtml: string;
}

// every section renders <h2 id="<section>-h">Title</h2>; the title markup is ours and already escaped
const HEADING = /<h2 id="([A-Za-z0-9_-]+)-h">([\s\S]*?)<\/h2>/g;

/**
 * The sections of rendered markup, in order, read from their headings, so a section added later
 * is listed without anyone remembering to list it.
 *
 * @example tocEntries(html`<section id="rf"><h2 id="rf-h">R×F heatmap</h2></section>`) // [{ id: 'rf', titleHtml: 'R×F heatmap' }]
 */
export function tocEntries(body: SafeHtml): TocEntry[] {
  return [...body.value.matchAll(HEADING)].map((m) => ({ id: m[1]!, titleHtml: m[2]! }));
}

/**
 * A table of contents linking every section of `body`, followed by the body itself.
 * @example withContents(sectionsHtml, EN) // <nav class="toc">…</nav>…sections…
 */
export function withContents(body: SafeHtml, t: ReportText = EN): SafeHtml {
  const entries = tocEntries(body);
  if (entries.length === 0) return body;
  return html`<nav class="toc" id="contents" aria-labelledby="contents-title">
<h2 id="contents-title">${t.m.layout.toc}</h2>
<ol>${entries.map((e) => html`<li><a href="#${e.id}">${trusted(e.titleHtml)}</a></li>`)}</ol>
</nav>
${body}`;
}
