import type { Highlight } from '../highlights.js';
import { EN, type ReportText } from '../i18n/index.js';
import { html, type SafeHtml } from './tag.js';

/**
 * The highlights block of the first screen: a short list of plain sentences, readable without
 * JavaScript and in print. Says so when nothing qualifies rather than inventing a story.
 *
 * @example renderHighlights(highlights(data))
 */
export function renderHighlights(items: readonly Highlight[], t: ReportText = EN): SafeHtml {
  return html`<section id="highlights" aria-labelledby="highlights-h">
<h2 id="highlights-h">${t.m.highlights.title}</h2>
${items.length === 0
    ? html`<p class="empty">${t.m.highlights.none}</p>`
    : html`<ul class="highlights">${items.map((h) => html`<li class="${h.tone}" data-highlight="${h.kind}">${h.text}</li>`)}</ul>`}
</section>`;
}
