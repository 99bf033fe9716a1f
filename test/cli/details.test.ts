import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryJson, runCrm } from '../helpers/spawnCrm.js';

const SAMPLE = 'fixtures/sample/transactions.csv';
const MAPPING = 'fixtures/sample/mapping.json';
const LATEST = '2024-12-29'; // the sample's latest order date

describe('as-of sanity and command-line detail, through the real crm on a temp database', () => {
  let dir: string;
  let db: string;
  const runs = (): number => Number(queryJson(db, 'select count(*) as n from runs')[0]!['n']);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-details-'));
    db = join(dir, 'crm.duckdb');
    const load = runCrm(['load', SAMPLE, '--mapping', MAPPING, '--db', db]);
    expect(load.code, load.err).toBe(0);
    expect(queryJson(db, 'select max(order_date)::date::varchar as d from transactions')).toEqual([{ d: LATEST }]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('crm analyze refuses an as-of more than 7 days after the latest order (exit 3), naming that date and the flag', () => {
    const r = runCrm(['analyze', '--as-of', '2030-01-01', '--db', db]);
    expect(r.code).toBe(3);
    expect(r.err).toContain(`--as-of 2030-01-01 is 1829 days after the latest order date (${LATEST})`);
    expect(r.err).toContain('use a date up to 2025-01-05');
    expect(r.err).toContain('pass --allow-future-as-of');
    expect(runs()).toBe(0); // refused before a run row exists
  });

  it('allows up to 7 days, and further with --allow-future-as-of', () => {
    expect(runCrm(['analyze', '--as-of', '2025-01-06', '--db', db]).code).toBe(3);
    const week = runCrm(['analyze', '--as-of', '2025-01-05', '--json', '--db', db]);
    expect(week.code, week.err).toBe(0);
    expect(JSON.parse(week.out).asOf).toBe('2025-01-05');
    const forced = runCrm(['analyze', '--as-of', '2025-03-01', '--allow-future-as-of', '--json', '--db', db]);
    expect(forced.code, forced.err).toBe(0);
    expect(JSON.parse(forced.out).asOf).toBe('2025-03-01');
  });

  it('crm run --as-of is refused the same way (the run is recorded failed with the reason)', () => {
    const before = runs();
    const r = runCrm(['run', 'weekly', '--as-of', '2026-01-01', '--out', join(dir, 'r'), '--db', db]);
    expect(r.code).toBe(3);
    expect(r.err).toContain(`--as-of 2026-01-01 is 368 days after the latest order date (${LATEST})`);
    expect(r.err).toContain('--allow-future-as-of');
    expect(queryJson(db, `select status, error like '%allow-future-as-of%' as named from runs where run_id > ${before}`)).toEqual([{ status: 'failed', named: true }]);
  });

  it('a mistyped flag gets the nearest one in the usage error (exit 2)', () => {
    const format = runCrm(['runs', '--fromat', 'json', '--db', db]);
    expect(format.code).toBe(2);
    expect(format.err).toContain("Unknown option '--fromat' (did you mean --format?)");
    const asOf = runCrm(['analyze', '--asof', '2024-12-01', '--db', db]);
    expect(asOf.code).toBe(2);
    expect(asOf.err).toContain("Unknown option '--asof' (did you mean --as-of?)");
    expect(asOf.err).toContain('usage: crm analyze');
    const command = runCrm(['anlyze', '--db', db]);
    expect(command.code).toBe(2);
    expect(command.err).toContain('unknown command "anlyze" (did you mean crm analyze?)');
    const far = runCrm(['analyze', '--zzzzzz', '--db', db]);
    expect(far.code).toBe(2);
    expect(far.err).not.toContain('did you mean');
  });

  it('crm report --run N names what run N is and where the runs are listed', () => {
    const missing = runCrm(['report', '--run', '99', '--out', join(dir, 'r'), '--db', db]);
    expect(missing.code).toBe(3);
    expect(missing.err).toContain('no successful analysis run with id 99 (there is no run with that id); `crm runs` lists the runs and their ids');
    expect(missing.err).not.toContain('run run');
    const failedId = Number(queryJson(db, `select max(run_id) as id from runs where status = 'failed'`)[0]!['id']);
    const failed = runCrm(['report', '--run', String(failedId), '--out', join(dir, 'r'), '--db', db]);
    expect(failed.code).toBe(3);
    expect(failed.err).toContain(`no successful analysis run with id ${failedId} (that run failed: --as-of 2026-01-01`);
  });

  it('crm runs fits 100 columns by default, errors below the table; --details adds the step timings', () => {
    const r = runCrm(['runs', '--db', db]);
    expect(r.code, r.err).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(100);
    expect(lines[0]).toMatch(/^run_id\s+pipeline\s+as_of\s+trigger\s+status\s+started\s+seconds\s+customers$/);
    expect(lines).toContain('errors:');
    expect(lines.at(-1)).toMatch(/^ {2}run \d+: --as-of 2026-01-01 is 368 days after the latest order date/);
    const details = runCrm(['runs', '--details', '--db', db]);
    expect(details.code, details.err).toBe(0);
    expect(details.out).toMatch(/step_ms/);
    expect(details.out).toMatch(/summary \d+, (currency \d+, )?(house \d+, )?rfm \d+, models \d+/);
    expect(Math.max(...details.out.split('\n').map((l) => l.length))).toBeGreaterThan(100);
  });
});
