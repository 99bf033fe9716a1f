import type { Mapping } from './mapping.js';
import { inputError } from '../util/error.js';

/**
 * Refuse a mapping that names a column the file does not have, before anything is written.
 *
 * @example checkColumns({ columns: { customer_id: 'Cust' , ... } }, ['CustomerID', 'Date'], 'a.csv', 'm.json')
 *   // throws: a.csv has no column "Cust" (mapped to customer_id in m.json). Its columns: CustomerID, Date
 */
export function checkColumns(m: Mapping, headers: string[], file: string, mappingSource: string): void {
  const have = new Set(headers);
  const missing = Object.entries(m.columns).filter(([, header]) => !have.has(header));
  if (missing.length === 0) return;
  const what = missing.map(([field, header]) => `"${header}" (mapped to ${field})`).join(', ');
  throw inputError(
    `${file} has no column ${what} named in ${mappingSource}.\n` +
      `  The file's columns are: ${headers.map((h) => `"${h}"`).join(', ')}\n` +
      `  Fix: edit "columns" in ${mappingSource} to use these names (headers are case-sensitive).`,
  );
}
