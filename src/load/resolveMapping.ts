import type { DuckDBConnection } from '@duckdb/node-api';
import { inputError } from '../util/error.js';
import { ident } from '../util/sql.js';
import { detectColumns } from './detectColumns.js';
import { detectDateFormat } from './detectDateFormat.js';
import { checkRequired, type CanonicalField, type Mapping } from './mapping.js';
import { NUMBERS, type ResolvedMapping } from './parseRows.js';
import { detectNumberFormat } from './detectNumberFormat.js';

/**
 * Turn a mapping into one naming actual `staging` columns: positions become names, an empty
 * mapping is filled from usual header names, and a column the file does not have is refused
 * before anything is written.
 */
export function resolveColumns(m: Mapping, headers: string[], file: string, mappingSource: string): ResolvedMapping['columns'] {
  const base = Object.keys(m.columns).length === 0 ? detectColumns(m, headers) : m;
  const columns: ResolvedMapping['columns'] = {};
  const missing: string[] = [];
  for (const [field, col] of Object.entries(base.columns) as [CanonicalField, string | number][]) {
    const name = typeof col === 'number' ? String(col) : col;
    if (headers.includes(name)) columns[field] = name;
    else missing.push(typeof col === 'number' ? `position ${col} (mapped to ${field})` : `"${col}" (mapped to ${field})`);
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
  return columns;
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
  const resolved: ResolvedMapping = { ...m, columns, date_format };
  if (!m.number_format) {
    for (const f of NUMBERS) {
      const col = columns[f];
      const nf = col === undefined ? undefined : await detectNumberFormat(conn, table, ident(col), col, file);
      if (nf) resolved.detected_numbers = { ...resolved.detected_numbers, [f]: nf };
    }
  }
  return resolved;
}
