import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withTempDir } from '../helpers/db.js';
import { logLines, queryJson, writePipeline, writeSample } from '../helpers/spawnCrm.js';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(cond: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('crm schedule started through npx', () => {
  it('SIGTERM to npx stops the node scheduler too, and no run starts after it', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'crm.duckdb');
      writeSample(dir, 'sample.csv');
      const p = writePipeline(dir, 'tick', { cron: '*/2 * * * * *', files: ['sample.csv'] });
      // npm exec, as a user starts it; CRM_LOG_FORMAT=json so the scheduler's pid can be read
      const npx = spawn('npx', ['--no-install', 'crm', 'schedule', p, '--db', db], { env: { ...process.env, CRM_LOG_FORMAT: 'json' } });
      let err = '';
      npx.stderr.on('data', (d: Buffer) => (err += d.toString()));
      await until(() => logLines(err).some((l) => l['step'] === 'done'), 60_000, 'a first scheduled run');
      const pid = Number(logLines(err).find((l) => l['step'] === 'start' && typeof l['pid'] === 'number')!['pid']);
      expect(pid).not.toBe(npx.pid);
      expect(alive(pid)).toBe(true);

      npx.kill('SIGTERM');
      try {
        await until(() => !alive(pid), 15_000, `the scheduler (pid ${pid}) to exit after npx was killed`);
      } finally {
        if (alive(pid)) process.kill(pid, 'SIGKILL'); // never leave an orphan behind a failed test
      }
      const stoppedAt = Date.now();
      await new Promise((r) => setTimeout(r, 2500)); // a tick would have started a run by now
      const runs = queryJson(db, `select status, epoch_ms(started_at) as started from runs`);
      expect(runs.length).toBeGreaterThanOrEqual(1);
      expect(runs.every((r) => r['status'] !== 'running')).toBe(true);
      expect(runs.every((r) => Number(r['started']) < stoppedAt)).toBe(true);
    });
  });
});
