import type { DuckDBType, DuckDBValue } from '@duckdb/node-api';
import { usageError } from '../../util/error.js';
import { convertParam, duckType } from './convertParam.js';
import type { NamedQuery, QueryParam } from './types.js';

/** Named values and their types, for a prepared statement. */
export interface Bindings {
  values: Record<string, DuckDBValue>;
  types: Record<string, DuckDBType>;
}

/** `--param NAME=VALUE` flags as pairs, in order. */
export function parseParamFlags(flags: string[]): [string, string][] {
  return flags.map((f) => {
    const eq = f.indexOf('=');
    if (eq <= 0) throw usageError(`--param expects NAME=VALUE, got "${f}"`);
    return [f.slice(0, eq).trim(), f.slice(eq + 1)];
  });
}

/** `limit INTEGER = 20`, `run INTEGER = NULL`, `customer_id VARCHAR` (required). */
export const signature = (p: QueryParam): string => `${p.name} ${p.type}${p.required ? '' : ` = ${p.default ?? 'NULL'}`}`;

/**
 * Check `--param` values against a named query's declared parameters and convert each by its
 * type: unknown, repeated, missing and badly typed parameters are usage errors naming the
 * parameter. Defaults fill the rest.
 *
 * @example bindParams(topCustomers, [['limit', '50']]) // { values: { limit: 50, since: null, run: null }, types: {…} }
 */
export function bindParams(q: NamedQuery, given: [string, string][]): Bindings {
  const values: Record<string, DuckDBValue> = {};
  const types: Record<string, DuckDBType> = {};
  const list = q.params.map(signature).join(', ') || '(none)';
  const seen = new Set<string>();
  for (const [name, text] of given) {
    const p = q.params.find((x) => x.name === name);
    if (!p) throw usageError(`--param ${name}: query ${q.name} has no parameter "${name}"; its parameters: ${list}`);
    if (seen.has(name)) throw usageError(`--param ${name} is given twice`);
    seen.add(name);
    const bound = convertParam(p, text);
    if (typeof bound === 'string') throw usageError(`--param ${name}: ${bound}`);
    values[name] = bound.value;
    types[name] = bound.type;
  }
  for (const p of q.params.filter((x) => !seen.has(x.name))) {
    if (p.required) throw usageError(`query ${q.name} needs --param ${p.name}=${p.type}${p.description ? ` (${p.description})` : ''}`);
    const bound = p.default === null || p.default === undefined ? { value: null, type: duckType(p.type) } : convertParam(p, p.default);
    if (typeof bound === 'string') throw new Error(`${q.file}: default of ${p.name}: ${bound}`);
    values[p.name] = bound.value;
    types[p.name] = bound.type;
  }
  return { values, types };
}
