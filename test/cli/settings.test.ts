import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DYNAMICS } from '../../src/dynamics/config.js';
import { DEFAULT_MODELS } from '../../src/models/config.js';
import { queryJson, runCrm, writeSample } from '../helpers/spawnCrm.js';

/** The visible text of the report's Methods section. */
const methodsText = (html: string): string =>
  (/<section id="methods"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '').replace(/<[^>]+>/g, ' ').replace(/&[a-z]+;|&#\d+;/g, ' ').replace(/\s+/g, ' ');

const config = (db: string, run: number, section: string): unknown =>
  JSON.parse(String(queryJson(db, `select config::varchar as c from run_config where run_id = ${run} and section = '${section}'`)[0]!['c']));

describe('a JSON pipeline by path, end to end through the real crm (temp copy of the sample)', () => {
  let dir: string;
  let db: string;
  let pipeline: string;
  const settings = {
    models: { clv: { margin: 0.3 }, horizonDays: 60, churnBands: { medium: 0.4, high: 0.7 }, valueTiers: { top: 0.1, mid: 0.2 } },
    dynamics: { lostMinDays: 200 },
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-settings-'));
    db = join(dir, 'crm.duckdb');
    writeSample(dir, 'sample.csv');
    pipeline = join(dir, 'shop.json');
    writeFileSync(pipeline, JSON.stringify({
      $comment: 'a shop selling in pounds, reported in Chinese',
      name: 'shop', description: 'test', schedule: { cron: '0 6 * * 1', timezone: 'Europe/London' },
      inputs: { files: ['sample.csv'], mapping: 'mapping.json' }, asOf: 'week-ending-sunday',
      currency: 'GBP', locale: 'zh-CN', ...settings, outputs: { reportsDir: 'out' },
    }, null, 2));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs with the file\'s settings, stores them, and reports in its locale', () => {
    const r = runCrm(['run', pipeline, '--db', db]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`report: ${join(dir, 'out', '2024-12-29', 'report.html')}`);
    const run = Number(/run: (\d+)/.exec(r.out)![1]);
    // stored as used, with how the horizon was chosen (here: set)
    expect(config(db, run, 'models')).toEqual({
      ...DEFAULT_MODELS, ...settings.models, clv: { ...DEFAULT_MODELS.clv, margin: 0.3 },
      horizon: { source: 'set', days: 60, cycleDays: null, repeatCustomers: 0, fallback: false },
    });
    expect(config(db, run, 'dynamics')).toEqual({ ...DEFAULT_DYNAMICS, lostMinDays: 200 });
    expect(config(db, run, 'report')).toEqual({ currency: 'GBP', locale: 'zh-CN', timezone: 'UTC' });
    const [scores] = queryJson(db, `select count(*) as n, count(*) filter (value_tier = 'top') as top,
      count(*) filter (churn_band = 'high') as high, count(*) filter (churn_risk >= 0.7) as risky from customer_scores where run_id = ${run}`);
    expect(scores!['high']).toBe(scores!['risky']);
    expect(Number(scores!['top']) / Number(scores!['n'])).toBeCloseTo(0.1, 1);
    const html = readFileSync(join(dir, 'out', '2024-12-29', 'report.html'), 'utf8');
    expect(html).toContain('<html lang="zh-CN"');
    // re-made later, the report keeps the run's language unless asked otherwise
    const again = runCrm(['report', '--run', String(run), '--out', join(dir, 'again'), '--db', db]);
    expect(again.code, again.err).toBe(0);
    expect(readFileSync(join(dir, 'again', '2024-12-29', 'report.html'), 'utf8')).toContain('<html lang="zh-CN"');
    expect(runCrm(['report', '--run', String(run), '--locale', 'en', '--out', join(dir, 'again'), '--db', db]).code).toBe(0);
    expect(readFileSync(join(dir, 'again', '2024-12-29', 'report.html'), 'utf8')).toContain('<html lang="en"');
  });

  it('--locale overrides the pipeline\'s, and the methods section prints the settings the run used', () => {
    const out = join(dir, 'en');
    const r = runCrm(['run', pipeline, '--as-of', '2024-12-22', '--locale', 'en', '--out', out, '--db', db]);
    expect(r.code, r.err).toBe(0);
    const html = readFileSync(join(out, '2024-12-22', 'report.html'), 'utf8');
    expect(html).toContain('<html lang="en"');
    const methods = methodsText(html);
    expect(methods).toContain('no order in the next 60 days');
    // percentages with or without a decimal: the number format is the report's business
    expect(methods).toMatch(/high when churn risk is 70(\.0)?% or more, medium when 40(\.0)?% or more/);
    expect(methods).toMatch(/a gross margin of 30(\.0)?%/);
    expect(methods).toMatch(/discounted at 1(\.0)?% a month/);
    expect(methods).toMatch(/top = the 10(\.0)?% of customers .* mid = the next 20(\.0)?%/);
    expect(methods).toContain('max(200 days');
  });

  it('the same file with no margin says which pipeline key sets it', () => {
    const plain = join(dir, 'plain.json');
    writeFileSync(plain, JSON.stringify({ name: 'plain', schedule: { cron: '0 6 * * 1' }, inputs: { files: ['sample.csv'], mapping: 'mapping.json' } }));
    const r = runCrm(['run', plain, '--out', join(dir, 'plain'), '--db', db]);
    expect(r.code, r.err).toBe(0);
    const html = readFileSync(join(dir, 'plain', '2024-12-29', 'report.html'), 'utf8');
    expect(html.replace(/&quot;|&#34;/g, '"')).toMatch(/a gross margin of 100% \(so values are revenue; to see profit, set the pipeline key "models": \{ "clv": \{ "margin": 0\.35 \} \}/);
  });

  it('a bad pipeline file exits 2 naming the file, the key and the fix; nothing is run', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ name: 'bad', schedule: { cron: '0 6 * * 1' }, inputs: { files: [] }, models: { clv: { margn: 0.3 } }, currency: 'pounds' }));
    const r = runCrm(['run', bad, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`crm run: ${bad}: 2 problems`);
    expect(r.err).toContain('models.clv.margn: not a known key (did you mean "margin"?)');
    expect(r.err).toContain('currency: "pounds" is not an ISO 4217 currency code');
    expect(queryJson(db, `select count(*) as n from runs where pipeline = 'bad'`)).toEqual([{ n: 0 }]);
  });

  it('a .ts pipeline gets the way out, not "Unknown file extension"', () => {
    const ts = join(dir, 'shop.ts');
    writeFileSync(ts, 'export default {};\n');
    const r = runCrm(['run', ts, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('is TypeScript, which Node does not run without a build step. Write the pipeline as JSON');
    expect(r.err).not.toContain('Unknown file extension');
  });

  it('a load error from a pipeline advises its inputs.mapping, not --mapping', () => {
    writeFileSync(join(dir, 'odd.csv'), 'a,b,c\n1,2,3\n');
    const odd = join(dir, 'odd.json');
    writeFileSync(odd, JSON.stringify({ name: 'odd', schedule: { cron: '0 6 * * 1' }, inputs: { files: ['odd.csv'] } }));
    const r = runCrm(['run', odd, '--db', join(dir, 'odd.duckdb')]);
    expect(r.code).toBe(3);
    expect(r.err).toContain(`Fix: set "inputs.mapping" in ${odd} to a mapping file`);
    expect(r.err).not.toContain('--mapping');
  });

  it('a clock as-of rule over exports that stopped arriving is refused too, naming the rule and the file', () => {
    const stale = join(dir, 'stale.json');
    writeFileSync(stale, JSON.stringify({ name: 'stale', schedule: { cron: '0 6 * * 1' }, inputs: { files: ['sample.csv'], mapping: 'mapping.json' }, asOf: 'last-complete-week' }));
    const r = runCrm(['run', stale, '--db', join(dir, 'stale.duckdb')]);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(new RegExp(`as-of \\d{4}-\\d\\d-\\d\\d \\(picked by the as-of rule last-complete-week of ${stale.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\) is \\d+ days after the latest order date \\(2024-12-29\\)`));
    expect(r.err).toContain('--allow-future-as-of');
  });
});
