/**
 * One CSV cell. Text that a spreadsheet would run as a formula (starting with = + - @, tab or
 * carriage return) is prefixed with an apostrophe; numbers stay numbers; RFC 4180 quoting.
 *
 * @example csvCell('=HYPERLINK("x")') // "'=HYPERLINK(""x"")" quoted
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return Number.isFinite(value as number) || typeof value === 'boolean' ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A whole CSV document with a header row; lines end in CRLF, as spreadsheets expect. */
export function toCsvDocument(columns: string[], rows: (string | number | boolean | null)[][]): string {
  return [columns.map(csvCell), ...rows.map((r) => r.map(csvCell))].map((r) => r.join(',')).join('\r\n') + '\r\n';
}
