import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withTempDir } from '../helpers/db.js';
import { logLines, queryJson, runCrm, spawnCrm, writePipeline, writeSample } from '../helpers/spawnCrm.js';

interface RunRow { run_id: number; pipeline: string; status: string; trigger: string; error: string | null; start_us: number; end_us: number }

const runRows = (db: string): RunRow[] =>
  queryJson(db, `select run_id, pipeline, status, trigger, error, epoch_us(started_at) as start_us, epoch_us(finished_at) as end_us from runs order by started_at`) as unknown as RunRow[];

/** No two runs' [started_at, finished_at] intervals intersect. */
function expectNoOverlap(runs: RunRow[]): void {
  for (let i = 1; i < runs.length; i++) {
    expect(runs[i - 1]!.end_us, `run ${runs[i - 1]!.run_id} ends before run ${runs[i]!.run_id} starts`).toBeLessThanOrEqual(runs[i]!.start_us);
  }
}

describe('crm schedule (real processes)', () => {
  it('a pipeline on an every-second cron never overlaps itself; a failing pipeline is recorded and the scheduler goes on; SIGTERM stops it cleanly', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'crm.duckdb');
      writeSample(dir, 'sample.csv', 3); // ~55k lines: a run takes longer than the 1 s between ticks
      const fast = writePipeline(dir, 'fast', { cron: '* * * * * *', files: ['sample.csv'] });
      const bad = writePipeline(dir, 'bad', { cron: '* * * * * *', files: ['missing-*.csv', 'missing.csv'] });
      const s = spawnCrm(['schedule', fast, bad, '--db', db]);
      // two finished runs of `fast`; the ticks in between find it busy
      await s.waitForErr(/"pipeline":"fast","run_id":\d+,"step":"done"/, 25_000, 2);
      await s.waitForErr(/"pipeline":"bad","run_id":\d+,"step":"failed".*file not found/, 25_000, 2);
      s.child.kill('SIGTERM');
      expect(await s.exited).toBe(0);
      const log = logLines(s.err());
      expect(log.at(-1)).toMatchObject({ step: 'stopped' });
      expect(log.every((l) => typeof l['time'] === 'string' && typeof l['step'] === 'string' && typeof l['msg'] === 'string')).toBe(true);

      const runs = runRows(db);
      const fastRuns = runs.filter((r) => r.pipeline === 'fast');
      const badRuns = runs.filter((r) => r.pipeline === 'bad');
      expect(fastRuns.filter((r) => r.status === 'ok').length).toBeGreaterThanOrEqual(2);
      expect(badRuns.length).toBeGreaterThanOrEqual(2);
      expect(badRuns.every((r) => r.status === 'failed')).toBe(true);
      // (one may have been stopped by the SIGTERM before it got to load)
      expect(badRuns.filter((r) => /file not found: .*missing\.csv/.test(r.error ?? '')).length).toBeGreaterThanOrEqual(2);
      expect(runs.every((r) => r.trigger === 'schedule' && r.status !== 'running')).toBe(true);
      expectNoOverlap(fastRuns);
      expectNoOverlap(runs); // runs of different pipelines also go one at a time
      expect(log.some((l) => l['step'] === 'skip' && l['pipeline'] === 'fast')).toBe(true); // ticks that found it busy
    });
  });

  it('kill -TERM during a run leaves a consistent database; the next run succeeds; --catch-up runs a missed run once', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'crm.duckdb');
      writeSample(dir, 'big.csv', 4);
      // yearly: never due during the test, so only --catch-up starts a run
      const p = writePipeline(dir, 'yearly', { cron: '0 0 1 1 *', files: ['big.csv'] });
      const s = spawnCrm(['schedule', p, '--catch-up', '--db', db]);
      expect(await s.waitForErr(/"step":"catch-up"/)).toContain('"due":true');
      await s.waitForErr(/"step":"start","trigger":"schedule"/);
      s.child.kill('SIGTERM');
      expect(await s.exited).toBe(0);
      expect(logLines(s.err()).at(-1)).toMatchObject({ step: 'stopped' });

      const [interrupted] = runRows(db);
      expect(interrupted!.status).toMatch(/failed|ok/);
      if (interrupted!.status === 'failed') expect(interrupted!.error).toMatch(/interrupted \(SIGTERM\)/);
      const reconcile = `select (select count(*) from transactions) as tx, (select coalesce(sum(rows_loaded), 0) from loads) as loaded,
        (select count(*) from runs where status = 'running') as running`;
      const [before] = queryJson(db, reconcile);
      expect(before!['tx']).toBe(before!['loaded']);
      expect(before!['running']).toBe(0);

      const next = runCrm(['run', p, '--db', db]);
      expect(next.code, next.err).toBe(0);
      const [after] = queryJson(db, reconcile);
      expect(after!['tx']).toBe(after!['loaded']);
      expect(after!['tx']).toBe(4 * 18420);

      // the last success is now newer than the previous scheduled time: no catch-up
      const again = spawnCrm(['schedule', p, '--catch-up', '--db', db]);
      expect(await again.waitForErr(/"step":"catch-up"/)).toContain('"due":false');
      await again.waitForErr(/"step":"scheduled"/);
      again.child.kill('SIGINT');
      expect(await again.exited).toBe(0);
      expect(runRows(db)).toHaveLength(2);
    });
  });
});
