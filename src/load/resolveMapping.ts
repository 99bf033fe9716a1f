import type { DuckDBConnection } from '@duckdb/node-api';
import { inputError } from '../util/error.js';
import { ident } from '../util/sql.js';
import { detectColumns } from './detectColumns.js';
import { detectDateFormat } from './detectDateFormat.js';
import { checkRequired, type CanonicalField, type ColumnRef, type Mapping } from './mapping.js';
import { NUMBERS, type ResolvedMapping } from './parseRows.js';
import { detectNumberFormat } from './detectNumberFormat.js';
import { normalizeStatus } from './statuses.js';

/**
 * Turn a mapping into one naming actual `staging` columns: positions become names, an empty
 * mapping is filled from usual header names, and a column the file does not have is refused
 * before anything is written.
 */
export function resolveColumns(m: Mapping, headers: string[], file: string, mappingSource: string): ResolvedMapping['columns'] {
  const base = Object.keys(m.columns).length === 0 ? detectColumns(m, headers) : m;
  const columns: ResolvedMapping['columns'] = {};
  const missing: string[] = [];
  for (const [field, col] of Object.entries(base.columns) as [CanonicalField, ColumnRef | null][]) {
    if (col === null) continue;
    for (const c of Array.isArray(col) ? col : [col]) {
      const name = typeof c === 'number' ? String(c) : c;
      if (!headers.includes(name)) missing.push(typeof c === 'number' ? `position ${c} (mapped to ${field})` : `"${c}" (mapped to ${field})`);
    }
    // a list's first column is the field's column; the others are its fallbacks (see fallbacksOf)
    columns[field] = Array.isArray(col) ? col[0]! : typeof col === 'number' ? String(col) : col;
  }
  const has = `  The file's columns are: ${headers.map((h) => `"${h}"`).join(', ') || '(none)'}`;
  if (missing.length) {
    throw inputError(
      `${file} has no column ${missing.join(', ')} named in ${mappingSource}.\n${has}\n` +
        `  Fix: edit "columns" in the mapping to use these names (headers are case-sensitive).`,
    );
  }
  const hint = Object.keys(m.columns).length === 0 ? `; no mapping was given and the headers were not recognised.\n${has}\n  Fix: pass --mapping FILE (see README "Mapping format")` : '';
  checkRequired(columns, file, hint);
  checkOrderRules(m, columns, headers, file, mappingSource);
  return columns;
}

/** Rules that need a column: order-level fields need the order id; exclude.when names real columns. */
function checkOrderRules(m: Mapping, columns: ResolvedMapping['columns'], headers: string[], file: string, source: string): void {
  if (m.order_level?.length && !columns.order_id) {
    throw inputError(`${file}: "order_level" (${m.order_level.join(', ')}) needs an order id to match an order's lines; map columns.order_id in ${source}`);
  }
  const absent = Object.keys(m.exclude?.when ?? {}).filter((h) => !headers.includes(h));
  if (absent.length) {
    throw inputError(`${file} has no column ${absent.map((h) => `"${h}"`).join(', ')} named in exclude.when of ${source}.\n  The file's columns are: ${headers.map((h) => `"${h}"`).join(', ')}`);
  }
  const both = (m.statuses?.count ?? []).map(normalizeStatus).filter((x) => (m.statuses?.exclude ?? []).map(normalizeStatus).includes(x));
  if (both.length) throw inputError(`${source}: status ${both.map((x) => `"${x}"`).join(', ')} is in both statuses.count and statuses.exclude; keep it in one`);
}

/** The fallback columns of the fields mapped to a list of headers (all but the first). */
export function fallbacksOf(m: Mapping): ResolvedMapping['fallbacks'] {
  const out: NonNullable<ResolvedMapping['fallbacks']> = {};
  for (const [field, col] of Object.entries(m.columns)) if (Array.isArray(col) && col.length > 1) out[field as CanonicalField] = col.slice(1);
  return out;
}

/** Resolve columns and the date format (explicit, or detected from all values). */
export async function resolveMapping(
  conn: DuckDBConnection,
  table: string,
  m: Mapping,
  headers: string[],
  file: string,
  mappingSource: string,
): Promise<ResolvedMapping> {
  const columns = resolveColumns(m, headers, file, mappingSource);
  const date_format = m.date_format ?? (await detectDateFormat(conn, table, ident(columns.order_date!), file));
  const resolved: ResolvedMapping = { ...m, columns, date_format, fallbacks: fallbacksOf(m) };
  if (columns.refund_date && !m.date_format) {
    resolved.refund_date_format = await detectDateFormat(conn, table, ident(columns.refund_date), file);
  }
  if (!m.number_format) {
    for (const f of NUMBERS) {
      const col = columns[f];
      const nf = col === undefined ? undefined : await detectNumberFormat(conn, table, ident(col), col, file);
      if (nf) resolved.detected_numbers = { ...resolved.detected_numbers, [f]: nf };
    }
  }
  return resolved;
}
