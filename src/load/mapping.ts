import { readFileSync } from 'node:fs';
import { inputError } from '../util/error.js';

/** Canonical transaction fields a source column can be mapped to. */
export const CANONICAL_FIELDS = [
  'customer_id',
  'order_id',
  'order_date',
  'amount',
  'quantity',
  'unit_price',
  'product_id',
  'product_name',
  'category',
  'channel',
  'country',
] as const;
export type CanonicalField = (typeof CANONICAL_FIELDS)[number];

/** How a source file's columns become canonical transactions (the JSON mapping file). */
export interface Mapping {
  /** canonical field → source header */
  columns: Partial<Record<CanonicalField, string>>;
  /** strptime format of order_date, e.g. "%d/%m/%Y %H:%M"; absent = ISO 8601 only */
  date_format?: string;
  /** field separator of CSV files; default "," */
  delimiter?: string;
}

/** With no mapping file, every canonical field is expected under its own name. */
export const IDENTITY_MAPPING: Mapping = {
  columns: { customer_id: 'customer_id', order_id: 'order_id', order_date: 'order_date', amount: 'amount' },
};

const KNOWN_KEYS = new Set(['columns', 'date_format', 'delimiter']);

/**
 * Check a parsed mapping object and return it typed. `source` names the file in messages.
 *
 * @example parseMapping({ columns: { customer_id: 'CustomerID', order_date: 'Date', amount: 'Total' } }, 'm.json')
 */
export function parseMapping(value: unknown, source: string): Mapping {
  if (!isObject(value)) throw inputError(`${source}: a mapping must be a JSON object with a "columns" object`);
  const unknown = Object.keys(value).filter((k) => !KNOWN_KEYS.has(k));
  if (unknown.length) {
    throw inputError(`${source}: unknown key(s) ${unknown.map((k) => `"${k}"`).join(', ')}; allowed: ${[...KNOWN_KEYS].join(', ')}`);
  }
  const columns = parseColumns(value['columns'], source);
  const mapping: Mapping = { columns };
  const dateFormat = optionalString(value, 'date_format', source);
  const delimiter = optionalString(value, 'delimiter', source);
  if (dateFormat !== undefined) mapping.date_format = dateFormat;
  if (delimiter !== undefined) mapping.delimiter = delimiter;
  checkRequired(mapping, source);
  return mapping;
}

/** Read and check a mapping file. */
export function readMapping(path: string): Mapping {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw inputError(`cannot read mapping file ${path}: ${(err as Error).message}`, err);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw inputError(`mapping file ${path} is not valid JSON: ${(err as Error).message}`, err);
  }
  return parseMapping(json, path);
}

function parseColumns(value: unknown, source: string): Mapping['columns'] {
  if (!isObject(value)) {
    throw inputError(`${source}: "columns" must be an object like {"customer_id": "<source header>", ...}`);
  }
  const out: Mapping['columns'] = {};
  for (const [field, header] of Object.entries(value)) {
    if (!(CANONICAL_FIELDS as readonly string[]).includes(field)) {
      throw inputError(`${source}: "${field}" is not a transaction field; use one of ${CANONICAL_FIELDS.join(', ')}`);
    }
    if (typeof header !== 'string' || header === '') {
      throw inputError(`${source}: columns.${field} must be the non-empty name of a column in the file`);
    }
    out[field as CanonicalField] = header;
  }
  return out;
}

function checkRequired(m: Mapping, source: string): void {
  const c = m.columns;
  for (const field of ['customer_id', 'order_date'] as const) {
    if (!c[field]) throw inputError(`${source}: columns.${field} is required`);
  }
  if (!c.amount && !(c.quantity && c.unit_price)) {
    throw inputError(`${source}: map "amount", or both "quantity" and "unit_price" (amount = quantity × unit_price)`);
  }
}

function optionalString(obj: Record<string, unknown>, key: string, source: string): string | undefined {
  const v = obj[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v === '') throw inputError(`${source}: "${key}" must be a non-empty string`);
  return v;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
