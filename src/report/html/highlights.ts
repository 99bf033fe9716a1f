import type { Highlight } from '../highlights.js';
import { EN, type ReportText } from '../i18n/index.js';
import { trustIssues, type TrustIssue } from '../models/trust.js';
import type { ReportData } from '../types.js';
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

/** One trust issue in plain words. */
function trustText(i: TrustIssue, t: ReportText): string {
  const { m, fmt } = t;
  switch (i.kind) {
    case 'fewCustomers':
      return m.trust.fewCustomers(fmt.int(i.customers), fmt.int(i.min));
    case 'shortHistory':
      return m.trust.shortHistory(fmt.int(i.days), fmt.int(i.min));
    case 'fewRepeat':
      return m.trust.fewRepeat(fmt.int(i.repeatBuyers), fmt.int(i.min));
    case 'noModel':
      return m.trust.noModel;
    case 'noDropout':
      return m.trust.noDropout;
    case 'notConverged':
      return m.trust.notConverged;
    case 'spendFallback':
      return m.trust.spendFallback;
    case 'horizonFallback':
      return m.trust.horizonFallback(fmt.int(i.days));
    default:
      throw new Error(`unknown trust issue ${String((i satisfies never as { kind: string }).kind)}`);
  }
}

/**
 * "How far to trust these numbers": a plain-words note on the first screen, after the highlights,
 * when the data are thin or a model fit fell back (trustIssues); nothing otherwise. The optimiser's
 * own messages stay in Model quality.
 *
 * @example renderTrustNote(data, reportText('zh-CN'))
 */
export function renderTrustNote(data: ReportData, t: ReportText = EN): SafeHtml | null {
  const issues = trustIssues(data);
  if (issues.length === 0) return null;
  return html`<aside id="trust" class="trust warning" aria-labelledby="trust-h">
<h2 id="trust-h">${t.m.trust.title}</h2>
<ul>${issues.map((i) => html`<li data-trust="${i.kind}">${trustText(i, t)}</li>`)}</ul>
<p>${t.m.trust.advice}</p>
</aside>`;
}
