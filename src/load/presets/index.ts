import { inputError } from '../../util/error.js';
import { didYouMean } from '../../util/didYouMean.js';
import type { CanonicalField, ColumnRef, Mapping } from '../mapping.js';
import { SHOPIFY } from './shopify.js';
import { STRIPE } from './stripe.js';
import type { Preset } from './types.js';

export type { Preset } from './types.js';

export const PRESETS: readonly Preset[] = [SHOPIFY, STRIPE];

/** The preset a mapping was built from, and how it was chosen (for the output and loads.detected). */
export interface PresetUse {
  name: string;
  how: 'recognised from the header' | 'named';
}

/**
 * The preset whose signature headers are all in `headers`, if any.
 *
 * @example recognisePreset(['Name', 'Email', 'Financial Status', ...])?.name // 'shopify'
 */
export function recognisePreset(headers: string[]): Preset | undefined {
  return PRESETS.find((p) => p.signature.every((h) => headers.includes(h)));
}

/** The preset called `name`, or a usage error listing the presets. */
export function presetNamed(name: string, where: string): Preset {
  const p = PRESETS.find((x) => x.name === name.toLowerCase());
  if (p) return p;
  const names = PRESETS.map((x) => x.name);
  const guess = didYouMean(name, names);
  throw inputError(`${where}: no preset "${name}"${guess ? ` (did you mean "${guess}"?)` : ''}; the presets are ${names.join(', ')}`);
}

/**
 * The mapping a file is read with: the user's mapping over a preset (named by `--preset`, by the
 * mapping's "preset", or recognised from the header when the mapping names no columns), or the
 * user's mapping alone. The user's columns win one by one (null un-maps one); other keys replace
 * the preset's. Preset columns the export does not have are dropped, except the required ones,
 * so older exports with fewer columns still load.
 */
export function withPreset(m: Mapping, headers: string[], named: string | undefined, source: string): { mapping: Mapping; preset?: PresetUse } {
  if (named && m.preset && named.toLowerCase() !== m.preset.toLowerCase()) {
    throw inputError(`--preset ${named} and ${source}'s "preset": "${m.preset}" disagree; give one`);
  }
  const name = named ?? m.preset;
  const preset = name ? presetNamed(name, named ? '--preset' : source) : Object.keys(m.columns).length === 0 ? recognisePreset(headers) : undefined;
  if (!preset) return { mapping: m };
  const columns: Mapping['columns'] = {};
  for (const [f, ref] of Object.entries(preset.mapping.columns) as [CanonicalField, ColumnRef][]) {
    const kept = preset.required.includes(f) ? ref : present(ref, headers);
    if (kept !== undefined) columns[f] = kept;
  }
  const { preset: _, ...own } = m;
  const merged: Mapping = { ...preset.mapping, ...own, columns: { ...columns, ...m.columns } };
  for (const [f, ref] of Object.entries(merged.columns)) if (ref === null) delete merged.columns[f as CanonicalField];
  return { mapping: merged, preset: { name: preset.name, how: name ? 'named' : 'recognised from the header' } };
}

/** The part of a column reference the file has (a list keeps its present names). */
function present(ref: ColumnRef, headers: string[]): ColumnRef | undefined {
  if (typeof ref === 'number') return ref;
  if (typeof ref === 'string') return headers.includes(ref) ? ref : undefined;
  const kept = ref.filter((h) => headers.includes(h));
  return kept.length === 0 ? undefined : kept.length === 1 ? kept[0] : kept;
}
