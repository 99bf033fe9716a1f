import { checkDelivery } from '../delivery/validateDelivery.js';
import { PRESETS } from '../load/presets/index.js';
import cron from 'node-cron';
import { DEFAULT_DYNAMICS, type DynamicsConfig } from '../dynamics/config.js';
import { DEFAULT_HOUSE_ACCOUNTS, houseConfigProblems, type HouseAccountsConfig } from '../house/config.js';
import { checkModelsConfig, DEFAULT_MODELS, type ModelsConfig } from '../models/config.js';
import { LOCALES, isLocale, type Locale } from '../report/i18n/locale.js';
import { suggestion } from '../util/didYouMean.js';
import { usageError } from '../util/error.js';
import { isComment, isObject, mergeSettings, unknownKey, type Raw } from './mergeSettings.js';
import type { AsOfRule, Pipeline } from './types.js';
import { canonicalZone, timeZoneProblem, UTC } from '../timezone/parseTimeZone.js';

const AS_OF_RULES: readonly AsOfRule[] = ['latest-order', 'week-ending-sunday', 'last-complete-week'];
const KEYS = ['name', 'description', 'schedule', 'timezone', 'inputs', 'asOf', 'rules', 'currency', 'locale', 'models', 'dynamics', 'houseAccounts', 'outputs', 'delivery'] as const;
const SUB_KEYS: Record<string, readonly string[]> = { schedule: ['cron', 'timezone'], inputs: ['files', 'mapping', 'preset'], outputs: ['reportsDir'] };
// a missing key reads "got nothing" rather than "got undefined"
const json = (v: unknown): string => (v === undefined ? 'nothing' : JSON.stringify(v));

/**
 * Check a pipeline as read from its file (JSON, or a JS module's default export) and complete it
 * with the defaults (README "Pipelines"). Every problem is reported at once, each naming the key
 * and the fix, under the file's name; models settings are laid over DEFAULT_MODELS and checked by
 * checkModelsConfig, dynamics over DEFAULT_DYNAMICS. Throws a usage error (exit 2).
 *
 * @example validatePipeline(JSON.parse(text), 'pipelines/shop.json')
 */
export function validatePipeline(raw: unknown, shown: string): Pipeline {
  const problems: string[] = [];
  if (!isObject(raw)) throw usageError(`${shown}: a pipeline must be an object of keys (${KEYS.join(', ')}), got ${json(raw)} (see README "Pipelines")`);
  for (const key of Object.keys(raw)) if (!isComment(key) && !(KEYS as readonly string[]).includes(key)) problems.push(unknownKey(key, '', KEYS));
  for (const [key, sub] of Object.entries(SUB_KEYS)) {
    const v = raw[key];
    if (isObject(v)) for (const k of Object.keys(v)) if (!isComment(k) && !sub.includes(k)) problems.push(unknownKey(k, key, sub));
  }
  const timezone = checkTimeZone(raw['timezone'], problems);
  const p: Pipeline = {
    name: checkName(raw['name'], problems),
    description: optionalString(raw, 'description', problems) ?? '',
    schedule: checkSchedule(raw['schedule'], problems, timezone),
    timezone,
    inputs: checkInputs(raw['inputs'], problems),
    asOf: checkAsOf(raw['asOf'], problems),
    currency: checkCurrency(raw['currency'], problems),
    locale: checkLocale(raw['locale'], problems),
    models: checkModels(raw['models'], problems),
    dynamics: checkDynamics(raw['dynamics'], problems),
    houseAccounts: checkHouseAccounts(raw['houseAccounts'], problems),
    outputs: { reportsDir: (isObject(raw['outputs']) ? optionalString(raw['outputs'], 'reportsDir', problems, 'outputs.') : outputsProblem(raw['outputs'], problems)) ?? 'reports' },
  };
  const rules = optionalString(raw, 'rules', problems);
  if (rules !== undefined) p.rules = rules;
  const delivery = checkDelivery(raw['delivery'], problems);
  if (delivery !== undefined) p.delivery = delivery;
  if (problems.length === 1) throw usageError(`${shown}: ${problems[0]} (see README "Pipelines")`);
  if (problems.length > 1) throw usageError(`${shown}: ${problems.length} problems (see README "Pipelines"):\n${problems.map((x) => `  - ${x}`).join('\n')}`);
  return p;
}

function optionalString(o: Raw, key: string, problems: string[], prefix = ''): string | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v === 'string' && v !== '') return v;
  problems.push(`${prefix}${key}: must be a non-empty string (a path for files and folders), got ${json(v)}`);
  return undefined;
}

function outputsProblem(v: unknown, problems: string[]): undefined {
  if (v !== undefined) problems.push(`outputs: must be an object such as { "reportsDir": "reports" }, got ${json(v)}`);
  return undefined;
}

function checkName(v: unknown, problems: string[]): string {
  if (typeof v === 'string' && /^[\w.-]+$/.test(v)) return v;
  problems.push(`name: must be a word (letters, digits, _ . -) that names the pipeline in the run history, got ${json(v)}`);
  return String(v);
}

/** The business's zone (top-level "timezone"): its days are the analysis's days. */
function checkTimeZone(v: unknown, problems: string[]): string {
  if (v === undefined) return UTC;
  const problem = timeZoneProblem(v);
  if (!problem) return canonicalZone(v as string)!;
  problems.push(`timezone: ${problem}`);
  return UTC;
}

/** The cron and its clock's zone; the clock defaults to the business's zone (`fallbackZone`). */
function checkSchedule(v: unknown, problems: string[], fallbackZone: string): Pipeline['schedule'] {
  if (!isObject(v)) {
    problems.push(`schedule: needs { "cron": "0 6 * * 1", "timezone": "UTC" }, got ${json(v)}`);
    return { cron: '', timezone: fallbackZone };
  }
  const expression = v['cron'];
  if (typeof expression !== 'string' || !cron.validate(expression)) {
    problems.push(`schedule.cron: ${json(expression)} is not a cron expression; use 5 fields (minute hour day-of-month month day-of-week, e.g. "0 6 * * 1" = Mondays 06:00), optionally seconds first`);
  }
  const timezone = v['timezone'] ?? fallbackZone;
  if (typeof timezone !== 'string' || !isTimeZone(timezone)) {
    const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    problems.push(`schedule.timezone: unknown time zone ${json(timezone)}${typeof timezone === 'string' ? suggestion(timezone, zones) : ''}; use an IANA name such as "UTC" or "Europe/Berlin"`);
  }
  return { cron: String(expression), timezone: String(timezone) };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function checkInputs(v: unknown, problems: string[]): Pipeline['inputs'] {
  // an empty list is allowed: such a pipeline analyzes and reports what `crm load` put in the database
  if (!isObject(v) || !Array.isArray(v['files']) || v['files'].some((f) => typeof f !== 'string' || f === '')) {
    problems.push(`inputs.files: must be a list of export paths or globs, e.g. { "files": ["exports/*.csv"], "mapping": "mapping.json" }, got ${json(isObject(v) ? v['files'] : v)}`);
    return { files: [] };
  }
  const mapping = optionalString(v, 'mapping', problems, 'inputs.');
  const preset = optionalString(v, 'preset', problems, 'inputs.');
  const names = PRESETS.map((x) => x.name);
  if (preset !== undefined && !names.includes(preset.toLowerCase())) {
    problems.push(`inputs.preset: must be one of ${names.join(', ')}, got ${json(preset)}${suggestion(preset, names)}`);
  }
  return { files: v['files'] as string[], ...(mapping !== undefined ? { mapping } : {}), ...(preset !== undefined ? { preset: preset.toLowerCase() } : {}) };
}

function checkAsOf(v: unknown, problems: string[]): AsOfRule {
  if (v === undefined) return 'week-ending-sunday';
  if (AS_OF_RULES.includes(v as AsOfRule)) return v as AsOfRule;
  problems.push(`asOf: must be one of ${AS_OF_RULES.join(', ')}, got ${json(v)}${typeof v === 'string' ? suggestion(v, AS_OF_RULES) : ''}`);
  return 'week-ending-sunday';
}

/** ISO 4217 codes this Node knows (Intl), else any three capital letters. */
const currencies = (): readonly string[] | null => (typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : null);

function checkCurrency(v: unknown, problems: string[]): string | null {
  if (v === undefined || v === null) return null;
  const known = currencies();
  if (typeof v === 'string' && /^[A-Z]{3}$/.test(v) && (known === null || known.includes(v))) return v;
  const upper = typeof v === 'string' ? v.trim().toUpperCase() : '';
  const hint = known?.includes(upper) ? ` (did you mean "${upper}"?)` : '';
  problems.push(`currency: ${json(v)} is not an ISO 4217 currency code${hint}; use three capital letters such as "EUR", "GBP", "USD", "CNY"`);
  return null;
}

function checkLocale(v: unknown, problems: string[]): Locale {
  if (v === undefined) return 'en';
  if (typeof v === 'string' && isLocale(v)) return v;
  problems.push(`locale: must be one of ${LOCALES.map((l) => `"${l}"`).join(', ')}, got ${json(v)}${typeof v === 'string' ? suggestion(v, LOCALES) : ''}`);
  return 'en';
}

function checkModels(v: unknown, problems: string[]): ModelsConfig {
  const before = problems.length;
  // horizonDays is 'auto' or a number of days: its type is left to checkModelsConfig (a null
  // default takes any value), which names both forms
  const merged = mergeSettings({ ...DEFAULT_MODELS, horizonDays: null as unknown as ModelsConfig['horizonDays'] }, v, 'models', problems);
  if (merged.horizonDays === null) merged.horizonDays = DEFAULT_MODELS.horizonDays;
  if (problems.length > before) return DEFAULT_MODELS;
  try {
    checkModelsConfig(merged);
  } catch (err) {
    // checkModelsConfig names the settings by their path below models (clv.margin, churnBands, …)
    const detail = (err as Error).message.replace(/^invalid churn\/CLV settings: /, '');
    for (const part of detail.split('; ')) problems.push(`models.${part}`);
  }
  return merged;
}

function checkDynamics(v: unknown, problems: string[]): DynamicsConfig {
  const merged = mergeSettings(DEFAULT_DYNAMICS, v, 'dynamics', problems);
  for (const [key, value] of Object.entries(merged)) {
    if (typeof value === 'number' && value < 0) problems.push(`dynamics.${key}: must be ≥ 0 (days, counts or ratios), got ${value}`);
  }
  return merged;
}

function checkHouseAccounts(v: unknown, problems: string[]): HouseAccountsConfig {
  const before = problems.length;
  const merged = mergeSettings(DEFAULT_HOUSE_ACCOUNTS, v, 'houseAccounts', problems);
  if (problems.length > before) return DEFAULT_HOUSE_ACCOUNTS;
  problems.push(...houseConfigProblems(merged));
  return merged;
}
