import type { ActionList } from '../actionLists.js';
import { EN, type ReportText } from '../i18n/index.js';
import { html, type SafeHtml } from './tag.js';

/**
 * "What to do this week" on the first screen: one action per CSV list written beside the report,
 * each saying what to do, for whom, and linking its list (same folder, relative links, so they
 * work from disk and from a shared drive). Nothing when no list was written.
 *
 * @example renderActionLinks(await writeActionLists(conn, runId, dir))
 */
export function renderActionLinks(lists: readonly ActionList[], t: ReportText = EN): SafeHtml | null {
  if (lists.length === 0) return null;
  const m = t.m.actions;
  const label = (l: ActionList): [string, string] => {
    const n = t.fmt.int(l.rows);
    switch (l.kind) {
      case 'worthSaving':
        return [m.worthSaving, m.worthSavingWhat(n)];
      case 'winBack':
        return [m.winBack, m.winBackWhat(n)];
      case 'segments':
        return [m.segments, m.segmentsWhat(n)];
      default:
        throw new Error(`unknown action list ${String(l.kind satisfies never)}`);
    }
  };
  return html`<section id="actions" aria-labelledby="actions-h">
<h2 id="actions-h">${m.title}</h2>
<ol class="actions">${lists.map((l) => {
    const [name, what] = label(l);
    return html`<li data-action="${l.kind}"><strong class="do">${name}</strong> <span class="what">${what}</span> <a class="file" href="${l.file}" download title="${m.download(l.file)}">${l.file}</a></li>`;
  })}</ol>
<p class="note">${m.intro}</p>
</section>`;
}
