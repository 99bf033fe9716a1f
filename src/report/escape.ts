const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escape text for HTML element content and quoted attribute values.
 *
 * @example
 * escapeHtml('<b>"Tom" & Jerry\'s</b>') // '&lt;b&gt;&quot;Tom&quot; &amp; Jerry&#39;s&lt;/b&gt;'
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Characters that could end a <script> element or an HTML comment, or break older JS parsers. */
const SCRIPT_UNSAFE = /[<>&\u2028\u2029]/g;

/**
 * Serialise a value as JSON that is safe inside an inline `<script>` element: `<`, `>`, `&`,
 * U+2028 and U+2029 become `\uXXXX` escapes, which JSON and JavaScript read back unchanged, so
 * data can never close the script element. `undefined` (which JSON cannot express) becomes `null`.
 *
 * @example
 * jsonForScript({ name: '</script>' }) // '{"name":"\\u003c/script\\u003e"}'
 */
export function jsonForScript(value: unknown): string {
  const json = JSON.stringify(value) ?? 'null';
  return json.replace(SCRIPT_UNSAFE, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}
