import { readFileSync } from 'node:fs';
import { inputError } from '../util/error.js';
import { parseCurrency } from './currency.js';
import { parseTimeZone } from '../timezone/parseTimeZone.js';

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
  'currency',
  'refunded_amount',
  'refund_date',
  'status',
] as const;
export type CanonicalField = (typeof CANONICAL_FIELDS)[number];

export const FORMATS = ['csv', 'whitespace', 'parquet', 'json', 'ndjson'] as const;
export type FileFormat = (typeof FORMATS)[number];

/** A source column: a header, a 1-based position, or (FALLBACK_FIELDS) a list of headers. */
export type ColumnRef = string | number | string[];

/** Fields that may name several columns, the first non-empty one giving the value. */
export const FALLBACK_FIELDS = ['customer_id', 'order_id', 'product_id', 'product_name', 'channel', 'country'] as const;

/** Fields an export may write once per order (on one of its rows) instead of on every line. */
export const ORDER_LEVEL_FIELDS = ['amount', 'refunded_amount', 'refund_date', 'status', 'currency', 'channel', 'country'] as const;
export type OrderLevelField = (typeof ORDER_LEVEL_FIELDS)[number];

/** How a source file's columns become canonical transactions (the JSON mapping file). */
export interface Mapping {
  /**
   * canonical field → source header, or 1-based column position for files without a header; the
   * FALLBACK_FIELDS may name a list of headers, the first non-empty one giving the value
   */
  columns: Partial<Record<CanonicalField, ColumnRef | null>>;
  /** a preset (shopify, stripe) this mapping starts from; its keys are overridden by this mapping's */
  preset?: string;
  /**
   * Fields written once per order (e.g. Shopify's Total, Refunded Amount, Financial Status on an
   * order's first line only). Amounts are taken once per order; other fields fill the order's lines.
   */
  order_level?: OrderLevelField[];
  /**
   * What each value of the status column means (compared case-insensitively, spaces and dashes as
   * underscores): rows whose status is in `count` are purchases, in `exclude` are excluded with
   * their status as the reason, and any other status is quarantined. Default DEFAULT_STATUSES.
   */
  statuses?: { count: string[]; exclude: string[] };
  /** default: from the file extension (.parquet, .json, .ndjson/.jsonl), else csv */
  format?: FileFormat;
  /** csv and whitespace: whether the first line names the columns (default true) */
  header?: boolean;
  /** csv: field separator; default detected */
  delimiter?: string;
  /** text files: character encoding (utf-8, latin1, windows-1252, cp437, …); default utf-8 */
  encoding?: string;
  /** strptime format of order_date; default detected from all values, refusing ambiguity */
  date_format?: string;
  /** how numbers are written, when not plain 1234.56 */
  number_format?: { decimal?: '.' | ','; thousands?: string; currency?: boolean };
  /** extra rules marking lines as returns, beyond a negative quantity or amount */
  returns?: { order_id_prefix?: string };
  /** non-purchase lines (postage, fees, adjustments) by product code: counted as excluded */
  exclude?: { product_ids?: string[]; when?: Record<string, string[]> };
  /** exact repeated lines inside one file: keep (default, counted) or drop (counted as duplicates) */
  duplicate_lines?: 'keep' | 'drop';
  /** a name for this source (e.g. "shop", "wholesale"), stored on every row */
  source?: string;
  /**
   * ISO 4217 code of the amounts (e.g. "GBP"), stored on every row; a row's own currency column
   * (columns.currency) wins over it, and it wins over the load's `currency` option
   */
  currency?: string;
  /**
   * How customer ids are matched. casefold_emails (default true): an e-mail-shaped id is
   * lower-cased, because exports write the same address with different case.
   */
  identity?: { casefold_emails?: boolean; relay_domains?: string[] };
  /**
   * Declared exchange rates: amounts in a listed currency are converted to `to` at load
   * (amount × rate) and stored in `to`. Without it nothing is ever converted.
   */
  exchange_rates?: { to: string; rates: Record<string, number> };
  /** IANA zone of order dates written without an offset (default: the pipeline's timezone, else UTC) */
  timezone?: string;
}

/** With no mapping file the loader recognises usual header names (see detectColumns). */
export const EMPTY_MAPPING: Mapping = { columns: {} };

const KNOWN_KEYS = [
  'columns', 'format', 'header', 'delimiter', 'encoding', 'date_format', 'number_format', 'returns', 'exclude',
  'duplicate_lines', 'source', 'currency', 'identity', 'preset', 'order_level', 'statuses', 'exchange_rates', 'timezone',
];

/**
 * Check a parsed mapping object and return it typed. `source` names the file in messages.
 *
 * @example parseMapping({ columns: { customer_id: 'CustomerID', order_date: 'Date', amount: 'Total' } }, 'm.json')
 */
export function parseMapping(value: unknown, source: string): Mapping {
  if (!isObject(value)) throw inputError(`${source}: a mapping must be a JSON object with a "columns" object`);
  const unknown = Object.keys(value).filter((k) => !KNOWN_KEYS.includes(k));
  if (unknown.length) {
    throw inputError(`${source}: unknown key(s) ${unknown.map((k) => `"${k}"`).join(', ')}; allowed: ${KNOWN_KEYS.join(', ')}`);
  }
  const m: Mapping = { columns: parseColumns(value['columns'] ?? {}, source) };
  const str = (k: string): string | undefined => optional(value, k, 'string', source) as string | undefined;
  const format = str('format');
  if (format !== undefined && !(FORMATS as readonly string[]).includes(format)) {
    throw inputError(`${source}: "format" must be one of ${FORMATS.join(', ')}`);
  }
  if (format) m.format = format as FileFormat;
  const header = optional(value, 'header', 'boolean', source) as boolean | undefined;
  if (header !== undefined) m.header = header;
  for (const k of ['delimiter', 'encoding', 'date_format', 'source', 'preset'] as const) {
    const v = str(k);
    if (v !== undefined) m[k] = v;
  }
  const dup = str('duplicate_lines');
  if (dup !== undefined && dup !== 'keep' && dup !== 'drop') throw inputError(`${source}: "duplicate_lines" is "keep" or "drop"`);
  if (dup) m.duplicate_lines = dup as 'keep' | 'drop';
  if (value['currency'] !== undefined) m.currency = parseCurrency(value['currency'], `${source}: "currency"`);
  if (value['timezone'] !== undefined) m.timezone = parseTimeZone(value['timezone'], `${source}: "timezone"`);
  parseOptions(value, m, source);
  parseOrderOptions(value, m, source);
  return m;
}

function parseOrderOptions(value: Record<string, unknown>, m: Mapping, source: string): void {
  const ol = value['order_level'];
  if (ol !== undefined) {
    const bad = Array.isArray(ol) ? ol.filter((f) => !(ORDER_LEVEL_FIELDS as readonly unknown[]).includes(f)) : [ol];
    if (!Array.isArray(ol) || bad.length) {
      throw inputError(`${source}: "order_level" is a list of fields from ${ORDER_LEVEL_FIELDS.join(', ')}; got ${JSON.stringify(bad)}`);
    }
    m.order_level = ol as OrderLevelField[];
  }
  const st = optional(value, 'statuses', 'object', source) as Record<string, unknown> | undefined;
  if (st) {
    const list = (k: string): string[] => {
      const v = st[k] ?? [];
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' && x.trim() !== '')) {
        throw inputError(`${source}: statuses.${k} must be a list of status values, e.g. {"count": ["paid"], "exclude": ["voided"]}`);
      }
      return v as string[];
    };
    const extra = Object.keys(st).filter((k) => k !== 'count' && k !== 'exclude');
    if (extra.length) throw inputError(`${source}: "statuses" takes only "count" and "exclude" lists; remove ${extra.map((k) => `"${k}"`).join(', ')}`);
    m.statuses = { count: list('count'), exclude: list('exclude') };
  }
}

function parseOptions(value: Record<string, unknown>, m: Mapping, source: string): void {
  const nf = optional(value, 'number_format', 'object', source) as Record<string, unknown> | undefined;
  if (nf) {
    if (nf['decimal'] !== undefined && nf['decimal'] !== '.' && nf['decimal'] !== ',') {
      throw inputError(`${source}: number_format.decimal is "." or ","`);
    }
    m.number_format = {
      ...(nf['decimal'] ? { decimal: nf['decimal'] as '.' | ',' } : {}),
      ...(typeof nf['thousands'] === 'string' ? { thousands: nf['thousands'] } : {}),
      ...(nf['currency'] === true ? { currency: true } : {}),
    };
  }
  const ret = optional(value, 'returns', 'object', source) as Record<string, unknown> | undefined;
  if (ret) {
    if (typeof ret['order_id_prefix'] !== 'string' || ret['order_id_prefix'] === '') {
      throw inputError(`${source}: returns.order_id_prefix must be a non-empty string, e.g. "C"`);
    }
    m.returns = { order_id_prefix: ret['order_id_prefix'] };
  }
  const ex = optional(value, 'exclude', 'object', source) as Record<string, unknown> | undefined;
  if (ex) {
    m.exclude = parseExclude(ex, source);
  }
  const idn = optional(value, 'identity', 'object', source) as Record<string, unknown> | undefined;
  if (idn) m.identity = parseIdentity(idn, source);
  const xr = optional(value, 'exchange_rates', 'object', source) as Record<string, unknown> | undefined;
  if (xr) m.exchange_rates = parseRates(xr, source);
}

function parseIdentity(idn: Record<string, unknown>, source: string): NonNullable<Mapping['identity']> {
  const bad = Object.keys(idn).filter((k) => k !== 'casefold_emails' && k !== 'relay_domains');
  const fold = idn['casefold_emails'];
  const relays = idn['relay_domains'];
  if (bad.length || (fold !== undefined && typeof fold !== 'boolean')) {
    throw inputError(`${source}: "identity" takes "casefold_emails" (true or false) and "relay_domains" (a list), e.g. {"casefold_emails": false}`);
  }
  if (relays !== undefined && !(Array.isArray(relays) && relays.every((d) => typeof d === 'string' && /^[a-z0-9.-]+\.[a-z]+$/i.test(d)))) {
    throw inputError(`${source}: identity.relay_domains is a list of e-mail domains, e.g. ["relay.example-market.com"]`);
  }
  return { ...(fold !== undefined ? { casefold_emails: fold as boolean } : {}), ...(relays !== undefined ? { relay_domains: (relays as string[]).map((d) => d.toLowerCase()) } : {}) };
}

function parseRates(xr: Record<string, unknown>, source: string): NonNullable<Mapping['exchange_rates']> {
  const example = 'e.g. {"to": "USD", "rates": {"CAD": 0.74, "EUR": 1.08}} (1 CAD = 0.74 USD)';
  const rates = xr['rates'];
  if (xr['to'] === undefined || !isObject(rates) || Object.keys(xr).some((k) => k !== 'to' && k !== 'rates')) {
    throw inputError(`${source}: "exchange_rates" needs "to" and "rates", ${example}`);
  }
  const to = parseCurrency(xr['to'], `${source}: exchange_rates.to`);
  const out: Record<string, number> = {};
  for (const [code, rate] of Object.entries(rates)) {
    if (typeof rate !== 'number' || !(rate > 0) || !Number.isFinite(rate)) throw inputError(`${source}: exchange_rates.rates.${code} must be a positive number, ${example}`);
    out[parseCurrency(code, `${source}: exchange_rates.rates`)] = rate;
  }
  return { to, rates: out };
}

function parseExclude(ex: Record<string, unknown>, source: string): NonNullable<Mapping['exclude']> {
  const out: NonNullable<Mapping['exclude']> = {};
  const extra = Object.keys(ex).filter((k) => k !== 'product_ids' && k !== 'when');
  if (extra.length) throw inputError(`${source}: "exclude" takes "product_ids" and "when"; remove ${extra.map((k) => `"${k}"`).join(', ')}`);
  const ids = ex['product_ids'];
  if (ids !== undefined) {
    if (!Array.isArray(ids) || !ids.every((x) => typeof x === 'string')) {
      throw inputError(`${source}: exclude.product_ids must be a list of product codes, e.g. ["POST", "M"]`);
    }
    out.product_ids = ids;
  }
  const when = ex['when'];
  if (when !== undefined) {
    const ok = isObject(when) && Object.values(when).every((v) => Array.isArray(v) && v.every((x) => typeof x === 'string'));
    if (!ok) throw inputError(`${source}: exclude.when maps a source column to the values that exclude a row, e.g. {"Captured": ["false"]}`);
    out.when = when as Record<string, string[]>;
  }
  return out;
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

/** Required fields present: customer_id, order_date, and amount or quantity × unit_price. */
export function checkRequired(columns: Mapping['columns'], source: string, hint = ''): void {
  const missing: string[] = [];
  if (columns.customer_id === undefined) missing.push('customer_id');
  if (columns.order_date === undefined) missing.push('order_date');
  if (columns.amount === undefined && (columns.quantity === undefined || columns.unit_price === undefined)) {
    missing.push('amount (or quantity and unit_price)');
  }
  if (missing.length) throw inputError(`${source}: no column for ${missing.join(', ')}${hint}`);
}

function parseColumns(value: unknown, source: string): Mapping['columns'] {
  if (!isObject(value)) {
    throw inputError(`${source}: "columns" must be an object like {"customer_id": "<source header>", ...}`);
  }
  const out: Mapping['columns'] = {};
  for (const [field, col] of Object.entries(value)) {
    if (!(CANONICAL_FIELDS as readonly string[]).includes(field)) {
      throw inputError(`${source}: "${field}" is not a transaction field; use one of ${CANONICAL_FIELDS.join(', ')}`);
    }
    const name = (c: unknown): boolean => (typeof c === 'string' && c !== '') || (Number.isInteger(c) && (c as number) >= 1);
    if (Array.isArray(col)) {
      if (!(FALLBACK_FIELDS as readonly string[]).includes(field)) {
        throw inputError(`${source}: columns.${field} takes one column; only ${FALLBACK_FIELDS.join(', ')} may list several (the first non-empty one wins)`);
      }
      if (col.length === 0 || !col.every((c) => typeof c === 'string' && c !== '')) {
        throw inputError(`${source}: columns.${field} must be a non-empty list of column names, e.g. ["Customer Email", "Customer ID"]`);
      }
    } else if (col === null) {
      // null un-maps a field a preset maps
    } else if (!name(col)) {
      throw inputError(`${source}: columns.${field} must be a column name, or a 1-based position for files without a header`);
    }
    out[field as CanonicalField] = col as ColumnRef | null;
  }
  return out;
}

function optional(obj: Record<string, unknown>, key: string, type: 'string' | 'boolean' | 'object', source: string): unknown {
  const v = obj[key];
  if (v === undefined) return undefined;
  const ok = type === 'object' ? isObject(v) : typeof v === type && v !== '';
  if (!ok) throw inputError(`${source}: "${key}" must be a${type === 'object' ? 'n object' : ` ${type}`}`);
  return v;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
