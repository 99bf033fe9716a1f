import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createStepLog } from '../../src/log/createStepLog.js';
import { loadProgress, withProgress } from '../../src/log/loadProgress.js';
import { crm } from '../helpers/cli.js';
import { withTempDir } from '../helpers/db.js';

describe('step logs', () => {
  afterEach(() => void delete process.env['CRM_LOG_FORMAT']);

  it('write one JSON object per line with time, level, step and msg', () => {
    const lines: string[] = [];
    const log = createStepLog((t) => lines.push(t), 'json');
    log({ pipeline: 'weekly', run_id: 3, step: 'load', ms: 812, loaded: 10, msg: '10 loaded' });
    log({ level: 'error', step: 'failed', msg: 'boom' });
    expect(lines.every((l) => l.endsWith('\n') && !l.slice(0, -1).includes('\n'))).toBe(true);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'info', pipeline: 'weekly', run_id: 3, step: 'load', ms: 812, loaded: 10, msg: '10 loaded' });
    expect(Date.parse(JSON.parse(lines[0]!).time)).not.toBeNaN();
    expect(JSON.parse(lines[1]!)).toMatchObject({ level: 'error', step: 'failed' });
  });

  it('write readable text for a terminal', () => {
    const lines: string[] = [];
    createStepLog((t) => lines.push(t), 'text')({ pipeline: 'weekly', step: 'load', ms: 812, msg: '10 loaded' });
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d weekly: load: 10 loaded \(812 ms\)\n$/);
  });

  it('show load progress on a terminal only, erased before the next log line', () => {
    process.env['CRM_LOG_FORMAT'] = 'text';
    const written: string[] = [];
    const tty = { isTTY: true, write: (t: string) => written.push(t) } as unknown as NodeJS.WriteStream;
    const p = loadProgress(tty);
    p.file(0, 3, '/exports/2024-12-30.csv');
    expect(written.join('')).toMatch(/loading 1\/3 2024-12-30\.csv … \d+\.\d s/);
    const lines: string[] = [];
    withProgress(createStepLog((t) => lines.push(t), 'text'), p)({ step: 'load', msg: 'done' });
    expect(written.at(-1)).toBe('\r\x1b[K');
    p.done();
    const pipe = { isTTY: false, write: (t: string) => written.push(t) } as unknown as NodeJS.WriteStream;
    const before = written.length;
    loadProgress(pipe).file(0, 1, 'x.csv');
    expect(written.length).toBe(before);
  });
});

describe('the new commands', () => {
  it('have --help with the shared --db and --lock-timeout flags', async () => {
    for (const name of ['schedule', 'runs', 'queries']) {
      const res = await crm(name, '--help');
      expect(res.code).toBe(0);
      expect(res.out).toContain(`usage: crm ${name}`);
      expect(res.out).toContain('--lock-timeout S');
    }
    expect((await crm('schedule', '--help')).out).toContain('--catch-up');
  });

  it('crm schedule refuses a bad cron expression or time zone before starting', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'crm.duckdb');
      const write = (name: string, cron: string, timezone: string): string => {
        const path = join(dir, `${name}.mjs`);
        const p = { name, description: '', schedule: { cron, timezone }, inputs: { files: [] }, asOf: 'latest-order', outputs: { reportsDir: 'r' } };
        writeFileSync(path, `export default ${JSON.stringify(p)};`);
        return path;
      };
      const badCron = await crm('schedule', write('a', '61 * * * *', 'UTC'), '--db', db);
      expect(badCron.code).toBe(2);
      expect(badCron.err).toContain('"61 * * * *" is not a cron expression');
      const badZone = await crm('schedule', write('b', '0 6 * * 1', 'Mars/Olympus'), '--db', db);
      expect(badZone.code).toBe(2);
      expect(badZone.err).toContain('unknown time zone "Mars/Olympus"');
      const missing = await crm('run', join(dir, 'missing.mjs'), '--db', db);
      expect(missing.code).toBe(2);
      expect(missing.err).toContain('pipeline file not found');
    });
  });
});
