import { html, type SafeHtml } from './tag.js';

/**
 * The Methods section: how the scores and segments shown above are defined.
 * @example renderMethods()
 */
export function renderMethods(): SafeHtml {
  return html`<section id="methods" aria-labelledby="methods-h">
<h2 id="methods-h">Methods</h2>
<ul class="methods">
<li><strong>Recency</strong> is the number of days since the customer’s last order, counted as of the as-of date.</li>
<li><strong>Frequency</strong> is the number of distinct orders.</li>
<li><strong>Monetary</strong> is net spend, including returns.</li>
<li><strong>Scores</strong> are quintiles from 1 to 5, where 5 is best (most recent, most frequent, highest spend). A value equal to a bin edge falls in the lower bin.</li>
<li><strong>Segments</strong> come from the R×F rule table above: each customer gets the segment of the first rule that matches its scores.</li>
</ul>
</section>`;
}
