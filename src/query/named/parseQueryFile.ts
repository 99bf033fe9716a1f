import { basename } from 'node:path';
import { inputError } from '../../util/error.js';
import { convertParam } from './convertParam.js';
import { PARAM_TYPES, type NamedQuery, type ParamType, type QueryParam } from './types.js';

const ALIASES: Record<string, ParamType> = {
  TEXT: 'VARCHAR', STRING: 'VARCHAR', INT: 'INTEGER', INT4: 'INTEGER', INT8: 'BIGINT', LONG: 'BIGINT',
  FLOAT: 'DOUBLE', FLOAT8: 'DOUBLE', REAL: 'DOUBLE', NUMERIC: 'DOUBLE', DECIMAL: 'DOUBLE', BOOL: 'BOOLEAN',
};
const PARAM = /^([A-Za-z_]\w*)\s+([A-Za-z]\w*)(?:\s*=\s*('(?:[^']|'')*'|\S+))?\s*(.*)$/;

/**
 * Parse a named query file: a header of `--` comment lines, then one SQL statement.
 *
 *     -- name: top-customers
 *     -- description: Customers with the highest net spend in a run
 *     -- param: limit INTEGER = 20        how many to list
 *     -- param: run INTEGER = NULL        run id (default: the latest successful run)
 *     -- param: customer_id VARCHAR       (no default: required)
 *     SELECT … LIMIT $limit
 *
 * Every declared parameter must be used as $name in the statement and every $name declared.
 * Errors name the file and line.
 */
export function parseQueryFile(text: string, file: string): NamedQuery {
  const lines = text.split(/\r?\n/);
  const fail = (line: number, msg: string): never => {
    throw inputError(`${file}:${line}: ${msg} (see README "Named queries")`);
  };
  let name = basename(file).replace(/\.sql$/i, '');
  const description: string[] = [];
  const params: QueryParam[] = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    if (!line.startsWith('--')) break;
    const m = /^--\s*(name|description|param)\s*:\s*(.*)$/i.exec(line);
    if (!m) continue; // free commentary
    const [, key, value] = m as unknown as [string, string, string];
    const k = key.toLowerCase();
    if (k === 'name') {
      if (!/^[\w-]+$/.test(value.trim())) fail(i + 1, `a query name is letters, digits, - and _, got "${value.trim()}"`);
      name = value.trim();
    } else if (k === 'description') description.push(value.trim());
    else params.push(parseParam(value.trim(), (msg) => fail(i + 1, msg), params));
  }
  const sql = lines.slice(i).join('\n').trim().replace(/;\s*$/, '');
  if (sql === '') fail(i + 1, 'no SQL statement after the header');
  checkReferences(sql, params, (msg) => fail(i + 1, msg));
  return { name, description: description.join(' '), params, sql, file };
}

function parseParam(text: string, fail: (msg: string) => never, seen: QueryParam[]): QueryParam {
  const m = PARAM.exec(text);
  if (!m) fail(`a parameter is "-- param: NAME TYPE [= DEFAULT] [description]", got "${text}"`);
  const [, name, rawType, rawDefault, rest] = m!;
  const type = (PARAM_TYPES as readonly string[]).includes(rawType!.toUpperCase()) ? (rawType!.toUpperCase() as ParamType) : ALIASES[rawType!.toUpperCase()];
  if (!type) fail(`parameter ${name}: unknown type ${rawType}; types: ${PARAM_TYPES.join(', ')}`);
  if (seen.some((p) => p.name === name)) fail(`parameter ${name} is declared twice`);
  const description = rest!.trim();
  if (rawDefault === undefined) return { name: name!, type: type!, required: true, description };
  if (rawDefault.toUpperCase() === 'NULL') return { name: name!, type: type!, required: false, default: null, description };
  const def = /^'.*'$/.test(rawDefault) ? rawDefault.slice(1, -1).replaceAll("''", "'") : rawDefault;
  const ok = convertParam({ type: type! }, def);
  if (typeof ok === 'string') fail(`parameter ${name}: default ${ok}`);
  return { name: name!, type: type!, required: false, default: def, description };
}

/** $names used in the statement, ignoring string literals, quoted identifiers and comments. */
export function referencedParams(sql: string): Set<string> {
  const code = sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\//g, ' ');
  return new Set([...code.matchAll(/\$([A-Za-z_]\w*)/g)].map((m) => m[1]!));
}

function checkReferences(sql: string, params: QueryParam[], fail: (msg: string) => never): void {
  const used = referencedParams(sql);
  for (const p of params) if (!used.has(p.name)) fail(`parameter ${p.name} is declared but the statement never uses $${p.name}`);
  for (const u of used) if (!params.some((p) => p.name === u)) fail(`the statement uses $${u} but the header declares no "-- param: ${u} TYPE"`);
}
