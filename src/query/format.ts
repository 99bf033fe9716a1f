import type { Cell, QueryResult } from './runQuery.js';

export const FORMATS = ['table', 'csv', 'json'] as const;
export type Format = (typeof FORMATS)[number];

/** Render a result in one of the output formats. */
export function formatResult(result: QueryResult, format: Format): string {
  switch (format) {
    case 'table':
      return toTable(result);
    case 'csv':
      return toCsv(result);
    case 'json':
      return toJson(result);
    default:
      throw new Error(`unknown format ${String(format satisfies never)}`);
  }
}

const text = (v: Cell): string => (v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** An array of row objects, one per line-friendly JSON document. */
export function toJson({ columns, rows }: QueryResult): string {
  return JSON.stringify(rows.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i] ?? null])))) + '\n';
}

/** RFC 4180 CSV with a header row. */
export function toCsv({ columns, rows }: QueryResult): string {
  const field = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  return [columns, ...rows.map((r) => r.map(text))].map((r) => r.map(field).join(',')).join('\n') + '\n';
}

/** An aligned text table for the terminal: numbers right-aligned, NULL shown as empty. */
export function toTable({ columns, rows }: QueryResult): string {
  const cells = rows.map((r) => r.map(text));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i]!.length)));
  const numeric = columns.map((_, i) => rows.length > 0 && rows.every((r) => r[i] === null || typeof r[i] === 'number'));
  const line = (r: string[]): string =>
    r.map((s, i) => (numeric[i] ? s.padStart(widths[i]!) : s.padEnd(widths[i]!))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const count = `(${rows.length} row${rows.length === 1 ? '' : 's'})`;
  return [line(columns), rule, ...cells.map(line), count].join('\n') + '\n';
}
