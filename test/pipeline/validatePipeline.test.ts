import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DYNAMICS } from '../../src/dynamics/config.js';
import { DEFAULT_HOUSE_ACCOUNTS } from '../../src/house/config.js';
import { DEFAULT_MODELS } from '../../src/models/config.js';
import { validatePipeline } from '../../src/pipeline/validatePipeline.js';
import { CrmError } from '../../src/util/error.js';

const SHOWN = 'pipelines/shop.json';
const minimal = { name: 'shop', schedule: { cron: '0 6 * * 1' }, inputs: { files: ['exports/*.csv'] } };

/** The usage error a pipeline gets, as text (fails the test when it is accepted). */
function problem(p: unknown): string {
  try {
    validatePipeline(p, SHOWN);
  } catch (err) {
    expect(err).toBeInstanceOf(CrmError);
    expect((err as CrmError).kind).toBe('usage');
    return (err as Error).message;
  }
  throw new Error(`accepted: ${JSON.stringify(p)}`);
}

describe('validatePipeline (JSON pipeline files)', () => {
  it('accepts pipelines/weekly.json and completes it with the defaults', () => {
    const p = validatePipeline(JSON.parse(readFileSync('pipelines/weekly.json', 'utf8')), 'pipelines/weekly.json');
    expect(p).toMatchObject({
      name: 'weekly', asOf: 'week-ending-sunday', locale: 'en', currency: 'USD',
      schedule: { cron: '0 6 * * 1', timezone: 'UTC' },
      inputs: { files: ['fixtures/sample/transactions.csv'], mapping: 'fixtures/sample/mapping.json' },
      outputs: { reportsDir: 'reports' },
    });
    expect(p.models).toEqual(DEFAULT_MODELS);
    expect(p.dynamics).toEqual(DEFAULT_DYNAMICS);
  });

  it('fills every default for a minimal file', () => {
    const p = validatePipeline(minimal, SHOWN);
    expect(p).toEqual({
      name: 'shop', description: '', schedule: { cron: '0 6 * * 1', timezone: 'UTC' }, timezone: 'UTC', inputs: { files: ['exports/*.csv'] },
      asOf: 'week-ending-sunday', currency: null, locale: 'en', models: DEFAULT_MODELS, dynamics: DEFAULT_DYNAMICS, houseAccounts: DEFAULT_HOUSE_ACCOUNTS, outputs: { reportsDir: 'reports' },
    });
  });

  it('takes the business\'s timezone, which the schedule\'s clock defaults to unless it names its own', () => {
    expect(validatePipeline({ ...minimal, timezone: 'america/new_york' }, SHOWN)).toMatchObject({ timezone: 'America/New_York', schedule: { timezone: 'America/New_York' } });
    expect(validatePipeline({ ...minimal, timezone: 'America/New_York', schedule: { cron: '0 6 * * 1', timezone: 'UTC' } }, SHOWN))
      .toMatchObject({ timezone: 'America/New_York', schedule: { timezone: 'UTC' } });
    expect(() => validatePipeline({ ...minimal, timezone: 'America/New_Yrok' }, SHOWN)).toThrow(
      `${SHOWN}: timezone: unknown time zone "America/New_Yrok" (did you mean "America/New_York"?); use an IANA name such as "UTC", "America/New_York" or "Europe/Berlin" (see README "Pipelines")`,
    );
  });

  it('lays houseAccounts over its defaults and names each bad key', () => {
    const p = validatePipeline({ ...minimal, houseAccounts: { ids: ['amazon-mcf'], keepInModels: true } }, SHOWN);
    expect(p.houseAccounts).toEqual({ ...DEFAULT_HOUSE_ACCOUNTS, ids: ['amazon-mcf'], keepInModels: true });
    expect(() => validatePipeline({ ...minimal, houseAccounts: { minShare: 5, ids: 'amazon' } }, SHOWN)).toThrow(/houseAccounts\.ids: must be a list/);
    expect(() => validatePipeline({ ...minimal, houseAccounts: { minShare: 5 } }, SHOWN)).toThrow('houseAccounts.minShare: must be a share between 0 and 1, got 5');
    expect(() => validatePipeline({ ...minimal, houseAccounts: { keepInModel: true } }, SHOWN)).toThrow(/houseAccounts\.keepInModel: not a known key \(did you mean "keepInModels"\?\)/);
  });

  it('takes horizonDays as auto (the default) or a number, and names the fix for anything else', () => {
    expect(validatePipeline({ ...minimal, models: { horizonDays: 'auto' } }, SHOWN).models.horizonDays).toBe('auto');
    expect(validatePipeline({ ...minimal, models: { horizonDays: 45, highValueTiers: ['top', 'mid'] } }, SHOWN).models).toMatchObject({ horizonDays: 45, highValueTiers: ['top', 'mid'] });
    expect(() => validatePipeline({ ...minimal, models: { horizonDays: 'weekly' } }, SHOWN)).toThrow(/models\.horizonDays must be 'auto' or a number of days > 0/);
    expect(() => validatePipeline({ ...minimal, models: { highValueTiers: ['gold'] } }, SHOWN)).toThrow(/models\.highValueTiers must list distinct tiers/);
  });

  it('lays models and dynamics over the defaults key by key, at every depth', () => {
    const p = validatePipeline({
      ...minimal, currency: 'GBP', locale: 'zh-CN', rules: 'rules.json',
      models: { clv: { margin: 0.3 }, horizonDays: 60, churnBands: { high: 0.9 }, valueTiers: { top: 0.1, mid: 0.2 } },
      dynamics: { lostMinDays: 200 },
    }, SHOWN);
    expect(p.models).toEqual({ ...DEFAULT_MODELS, horizonDays: 60, clv: { ...DEFAULT_MODELS.clv, margin: 0.3 }, churnBands: { ...DEFAULT_MODELS.churnBands, high: 0.9 }, valueTiers: { top: 0.1, mid: 0.2 } });
    expect(p.dynamics).toEqual({ ...DEFAULT_DYNAMICS, lostMinDays: 200 });
    expect(p).toMatchObject({ currency: 'GBP', locale: 'zh-CN', rules: 'rules.json' });
  });

  it('accepts every key of DEFAULT_MODELS and DEFAULT_DYNAMICS as given (the defaults define the shape)', () => {
    const p = validatePipeline({ ...minimal, models: structuredClone(DEFAULT_MODELS), dynamics: { ...DEFAULT_DYNAMICS } }, SHOWN);
    expect(p.models).toEqual(DEFAULT_MODELS);
    expect(p.dynamics).toEqual(DEFAULT_DYNAMICS);
  });

  it('ignores "$comment" keys at any level', () => {
    expect(validatePipeline({ ...minimal, $comment: 'note', schedule: { ...minimal.schedule, $comment: 'Mondays' }, models: { $comment: 'x' } }, SHOWN).name).toBe('shop');
  });

  const cases: [string, unknown, RegExp][] = [
    ['unknown top-level key, with a suggestion', { ...minimal, modles: {} }, /modles: not a known key \(did you mean "models"\?\); keys: name, description, schedule/],
    ['unknown key in inputs', { ...minimal, inputs: { files: [], maping: 'm.json' } }, /inputs\.maping: not a known key \(did you mean "mapping"\?\)/],
    ['unknown key in outputs', { ...minimal, outputs: { reportDir: 'r' } }, /outputs\.reportDir: not a known key \(did you mean "reportsDir"\?\)/],
    ['unknown models key, nested', { ...minimal, models: { clv: { margn: 0.3 } } }, /models\.clv\.margn: not a known key \(did you mean "margin"\?\); keys of models\.clv: margin, monthlyDiscount, months/],
    ['unknown dynamics key', { ...minimal, dynamics: { lostMinDay: 10 } }, /dynamics\.lostMinDay: not a known key \(did you mean "lostMinDays"\?\)/],
    ['a key nothing is close to: no suggestion', { ...minimal, banana: 1 }, /banana: not a known key; keys:/],
    ['name not a word', { ...minimal, name: 'my shop' }, /name: must be a word .* got "my shop"/],
    ['name missing', { ...minimal, name: undefined }, /name: must be a word .* got nothing/],
    ['schedule missing', { ...minimal, schedule: undefined }, /schedule: needs \{ "cron": "0 6 \* \* 1", "timezone": "UTC" \}, got nothing/],
    ['invalid cron', { ...minimal, schedule: { cron: '61 * * * *' } }, /schedule\.cron: "61 \* \* \* \*" is not a cron expression; use 5 fields/],
    ['cron not a string', { ...minimal, schedule: { cron: 6 } }, /schedule\.cron: 6 is not a cron expression/],
    ['unknown time zone, with a suggestion', { ...minimal, schedule: { cron: '0 6 * * 1', timezone: 'Europe/Berln' } }, /schedule\.timezone: unknown time zone "Europe\/Berln" \(did you mean "Europe\/Berlin"\?\); use an IANA name/],
    ['inputs.files not a list', { ...minimal, inputs: { files: 'exports/*.csv' } }, /inputs\.files: must be a list of export paths or globs.* got "exports\/\*\.csv"/],
    ['inputs.mapping not a string', { ...minimal, inputs: { files: [], mapping: 3 } }, /inputs\.mapping: must be a non-empty string/],
    ['unknown as-of rule', { ...minimal, asOf: 'week-ending-sundy' }, /asOf: must be one of latest-order, week-ending-sunday, last-complete-week, got "week-ending-sundy" \(did you mean "week-ending-sunday"\?\)/],
    ['currency in lower case', { ...minimal, currency: 'gbp' }, /currency: "gbp" is not an ISO 4217 currency code \(did you mean "GBP"\?\); use three capital letters/],
    ['currency not a code', { ...minimal, currency: 'EURO' }, /currency: "EURO" is not an ISO 4217 currency code; use three capital letters such as "EUR"/],
    ['currency of three letters that is no currency', { ...minimal, currency: 'XYZ' }, /currency: "XYZ" is not an ISO 4217 currency code/],
    ['locale in the wrong case', { ...minimal, locale: 'zh-cn' }, /locale: must be one of "en", "zh-CN", got "zh-cn" \(did you mean "zh-CN"\?\)/],
    ['locale unsupported', { ...minimal, locale: 'fr' }, /locale: must be one of "en", "zh-CN", got "fr"/],
    ['rules not a string', { ...minimal, rules: true }, /rules: must be a non-empty string/],
    ['models not an object', { ...minimal, models: 0.3 }, /models: must be an object of settings, got 0\.3/],
    ['a models number given as text', { ...minimal, models: { nextOrderMaxDays: '365' } }, /models\.nextOrderMaxDays: must be a number, got "365" \(default 365\)/],
    ['a models object given as a number', { ...minimal, models: { clv: 0.3 } }, /models\.clv: must be an object, got 0\.3/],
    ['margin out of range (checkModelsConfig)', { ...minimal, models: { clv: { margin: 30 } } }, /models\.clv\.margin must be in \[0, 1\], got 30/],
    ['bands out of order (checkModelsConfig)', { ...minimal, models: { churnBands: { medium: 0.9, high: 0.5 } } }, /models\.churnBands need 0 < medium ≤ high ≤ 1, got 0\.9, 0\.5/],
    ['tiers over 100% (checkModelsConfig)', { ...minimal, models: { valueTiers: { top: 0.6, mid: 0.6 } } }, /models\.valueTiers need top > 0, mid ≥ 0 and top \+ mid ≤ 1/],
    ['unknown scoring model (checkModelsConfig)', { ...minimal, models: { scoringModel: 'pareto' } }, /models\.scoringModel must be 'auto', 'bgnbd', 'mbgnbd' or 'pnbd', got pareto/],
    ['negative dynamics threshold', { ...minimal, dynamics: { newDays: -1 } }, /dynamics\.newDays: must be ≥ 0 .* got -1/],
    ['dynamics value not a number', { ...minimal, dynamics: { newDays: 'ninety' } }, /dynamics\.newDays: must be a number, got "ninety"/],
    ['outputs not an object', { ...minimal, outputs: 'reports' }, /outputs: must be an object such as \{ "reportsDir": "reports" \}/],
  ];
  it.each(cases)('refuses %s, naming the file, the key and the fix', (_, p, expected) => {
    const message = problem(p);
    expect(message).toMatch(/^pipelines\/shop\.json: /);
    expect(message).toMatch(expected);
    expect(message).toContain('see README "Pipelines"');
  });

  it('reports every problem of a file at once', () => {
    const message = problem({ ...minimal, locale: 'fr', currency: 'gbp', schedule: { cron: 'never' } });
    expect(message).toMatch(/^pipelines\/shop\.json: 3 problems/);
    expect(message.split('\n  - ')).toHaveLength(4);
  });

  it('refuses a file that is not an object', () => {
    expect(problem([minimal])).toMatch(/^pipelines\/shop\.json: a pipeline must be an object of keys/);
  });
});
