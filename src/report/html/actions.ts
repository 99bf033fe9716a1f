import type { ActionList } from '../actionLists.js';
import { EN, type ReportText } from '../i18n/index.js';
import { html, type SafeHtml } from './tag.js';

/**
 * Links to the CSV action lists written beside the report (same folder, relative links, so they
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
<p class="note">${m.intro}</p>
<ul class="actions">${lists.map((l) => {
    const [name, what] = label(l);
    return html`<li><a href="${l.file}" download>${name}</a> <span class="file">(${l.file})</span> — ${what}</li>`;
  })}</ul>
</section>`;
}
