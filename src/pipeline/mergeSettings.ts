import { suggestion } from '../util/didYouMean.js';

export type Raw = Record<string, unknown>;

/**
 * A plain JSON object (not an array, not null).
 *
 * @example isObject({}) // true; isObject([]) // false
 */
export const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Keys starting with `$` ("$comment") are notes for the reader, ignored at every level.
 *
 * @example isComment('$comment') // true
 */
export const isComment = (key: string): boolean => key.startsWith('$');

/**
 * The problem line for a key the settings do not have, with the nearest known key.
 *
 * @example unknownKey('margn', 'models.clv', ['margin']) // 'models.clv.margn: not a known key (did you mean "margin"?); keys of models.clv: margin'
 */
export function unknownKey(key: string, path: string, known: readonly string[]): string {
  return `${path ? path + '.' : ''}${key}: not a known key${suggestion(key, known)}; keys${path ? ` of ${path}` : ''}: ${known.join(', ')}`;
}

/**
 * A settings object from a pipeline file laid over its defaults, key by key at every depth. The
 * defaults define the shape: a key they lack is refused (with the nearest known key), and a
 * value must have the default's type (number, string, boolean, list or object); a default of
 * null accepts any value, left to the settings' own check. Problems are pushed, not thrown, so
 * a file's every mistake is reported at once.
 *
 * @example mergeSettings({ a: 1, b: { c: 2 } }, { b: { c: 3 } }, 'models', problems) // { a: 1, b: { c: 3 } }
 */
export function mergeSettings<T extends object>(defaults: T, given: unknown, path: string, problems: string[]): T {
  if (given === undefined) return defaults;
  if (!isObject(given)) {
    problems.push(`${path}: must be an object of settings, got ${JSON.stringify(given)}; e.g. ${JSON.stringify(defaults)}`);
    return defaults;
  }
  const out: Raw = { ...(defaults as Raw) };
  const known = Object.keys(defaults);
  for (const [key, value] of Object.entries(given)) {
    if (isComment(key)) continue;
    const at = `${path}.${key}`;
    if (!known.includes(key)) {
      problems.push(unknownKey(key, path, known));
      continue;
    }
    const d = (defaults as Raw)[key];
    const problem = typeProblem(d, value);
    if (problem) problems.push(`${at}: ${problem}, got ${JSON.stringify(value)} (default ${JSON.stringify(d)})`);
    else out[key] = isObject(d) ? mergeSettings(d, value, at, problems) : value;
  }
  return out as T;
}

function typeProblem(d: unknown, v: unknown): string | null {
  if (d === null || d === undefined) return null;
  if (Array.isArray(d)) return Array.isArray(v) ? null : 'must be a list';
  if (isObject(d)) return isObject(v) ? null : 'must be an object';
  if (typeof d === 'number') return typeof v === 'number' && Number.isFinite(v) ? null : 'must be a number';
  return typeof v === typeof d ? null : `must be a ${typeof d}`;
}
