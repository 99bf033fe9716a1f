import { escapeHtml } from '../escape.js';

/** Markup that is already safe: produced by `html` or deliberately marked with `trusted`. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What may be interpolated into `html`: plain values are escaped, SafeHtml is kept. */
export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

/**
 * Template tag that escapes every interpolated value unless it is SafeHtml, so data can only
 * reach the page through escapeHtml. Arrays are concatenated; null, undefined and false vanish.
 *
 * @example
 * html`<td>${'<b>'}</td>`.value // '<td>&lt;b&gt;</td>'
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}

function render(v: HtmlValue): string {
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  if (v === null || v === undefined || v === false) return '';
  return escapeHtml(String(v));
}

/**
 * Mark a string we generated ourselves (CSS, inlined libraries) as safe. Never pass data to it.
 * @example trusted('<br>')
 */
export const trusted = (markup: string): SafeHtml => new SafeHtml(markup);
