import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withTempDir } from '../helpers/db.js';
import { logLines, queryJson, runCrm, spawnCrm, writePipeline, writeSample } from '../helpers/spawnCrm.js';

describe('the writer lock between processes (real processes)', () => {
  it('a writer waits for a live holder up to --lock-timeout, exits 3 naming it, and takes the lock over once that process is dead', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'crm.duckdb');
      writeSample(dir, 'sample.csv');
      const p = writePipeline(dir, 'weekly-test', { cron: '0 6 * * 1', files: ['sample.csv'] });
      const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
      const gone = new Promise((r) => holder.on('exit', r));
      try {
        writeFileSync(db + '.lock', JSON.stringify({ pid: holder.pid, host: hostname(), started_at: '2025-01-06T06:00:00.000Z', command: 'crm schedule weekly' }));
        const t0 = Date.now();
        const run = runCrm(['run', p, '--db', db, '--lock-timeout', '1']);
        expect(Date.now() - t0).toBeGreaterThanOrEqual(1000);
        expect(run.code).toBe(3);
        expect(run.err).toContain(`is locked by pid ${holder.pid} (crm schedule weekly, since 2025-01-06T06:00:00.000Z`);
        expect(run.err).toContain(db + '.lock');
        expect(logLines(run.err).some((l) => l['step'] === 'wait')).toBe(true);
        const load = runCrm(['load', join(dir, 'sample.csv'), '--mapping', join(dir, 'mapping.json'), '--db', db], { CRM_LOCK_TIMEOUT: '0' });
        expect(load.code).toBe(3);
        expect(existsSync(db)).toBe(false); // nothing was written
      } finally {
        holder.kill();
        await gone;
      }
      // the holder is dead: its lock is stale and is taken over
      const run = runCrm(['run', p, '--db', db, '--lock-timeout', '1']);
      expect(run.code, run.err).toBe(0);
      expect(existsSync(db + '.lock')).toBe(false);
    });
  });

  it('a second crm run waits for the first; a query waits while a run writes and says who holds it on timeout', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'crm.duckdb');
      writeSample(dir, 'big.csv', 4);
      const p = writePipeline(dir, 'big', { cron: '0 6 * * 1', files: ['big.csv'] });
      const first = spawnCrm(['run', p, '--db', db]);
      await first.waitForErr(/"step":"start"/); // it holds the writer lock and the database from here
      const second = spawnCrm(['run', p, '--db', db]);
      const impatient = spawnCrm(['query', 'select count(*) as n from runs', '--db', db, '--lock-timeout', '0.3', '--format', 'json']);
      const patient = spawnCrm(['query', 'select count(*) as n from transactions', '--db', db, '--format', 'json']);

      expect(await impatient.exited).toBe(3);
      expect(impatient.err()).toContain(`database ${db} is busy: pid ${first.child.pid} (crm run ${p}`);
      expect(await first.exited).toBe(0);
      expect(await second.exited).toBe(0);
      expect(second.err()).toContain(`locked by pid ${first.child.pid}`);
      expect(await patient.exited).toBe(0);
      expect(JSON.parse(patient.out())[0].n).toBeGreaterThan(0);

      const runs = queryJson(db, `select run_id, status, epoch_us(started_at) as s, epoch_us(finished_at) as f from runs order by run_id`);
      expect(runs.map((r) => r['status'])).toEqual(['ok', 'ok']);
      expect(runs[0]!['f'] as number).toBeLessThanOrEqual(runs[1]!['s'] as number);
      expect(queryJson(db, 'select (select count(*) from transactions) = (select sum(rows_loaded) from loads) as reconciled')).toEqual([{ reconciled: true }]);
    });
  });
});
