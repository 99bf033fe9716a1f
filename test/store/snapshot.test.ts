import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshotPathOf } from '../../src/store/snapshot.js';
import { withTempDir } from '../helpers/db.js';
import { runCrm, spawnCrm, writePipeline, writeSample } from '../helpers/spawnCrm.js';

const latestRun = (db: string) => {
  const r = runCrm(['query', 'select run_id, customers from latest_run', '--format', 'json', '--db', db, '--lock-timeout', '0']);
  return { code: r.code, err: r.err, rows: r.code === 0 ? (JSON.parse(r.out) as { run_id: number; customers: number }[]) : [] };
};

describe('readers never wait for a run, and never make one wait', () => {
  it('every write publishes the readers\' snapshot beside the database', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'crm.duckdb');
      writeSample(dir, 'sample.csv');
      expect(runCrm(['load', join(dir, 'sample.csv'), '--mapping', join(dir, 'mapping.json'), '--db', db]).code).toBe(0);
      expect(existsSync(snapshotPathOf(db))).toBe(true);
      expect(snapshotPathOf(db)).toBe(join(dir, 'crm.read.duckdb'));
      expect(latestRun(db).rows).toEqual([]); // loaded, not analyzed yet
      expect(runCrm(['analyze', '--db', db]).code).toBe(0);
      expect(latestRun(db).rows).toEqual([{ run_id: 1, customers: 2200 }]);
    });
  });

  it('a DuckDB reader holding the snapshot open for a whole scheduled run does not make it wait or fail; queries during the run answer at once with the previous run', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'crm.duckdb');
      writeSample(dir, 'sample.csv', 4); // a run of a few seconds
      const p = writePipeline(dir, 'weekly', { cron: '0 6 * * 1', files: ['sample.csv'] });
      expect(runCrm(['run', p, '--db', db]).code).toBe(0);
      expect(latestRun(db).rows).toEqual([{ run_id: 1, customers: 8800 }]);
      const every = writePipeline(dir, 'weekly', { cron: '*/2 * * * * *', files: ['sample.csv'] }); // the same, on a 2-second tick

      // a BI tool or DuckDB shell keeps the published file open, read-only, the whole time
      const bi = await DuckDBInstance.create(snapshotPathOf(db), { access_mode: 'READ_ONLY' });
      const biConn = await bi.connect();
      try {
        const s = spawnCrm(['schedule', every, '--db', db, '--lock-timeout', '0']);
        let answered = 0;
        // while the scheduled run writes, every query answers without waiting (lock timeout 0)
        while (!/"step":"(done|failed)"/.test(s.err())) {
          const q = latestRun(db);
          expect(q.code, q.err).toBe(0);
          expect(q.rows[0]!.run_id).toBeLessThanOrEqual(2);
          if (q.rows[0]!.run_id === 1) answered++;
          if (s.child.exitCode !== null) break;
          await new Promise((r) => setTimeout(r, 20)); // let the child's log lines arrive
        }
        s.child.kill('SIGTERM');
        expect(await s.exited).toBe(0);
        expect(s.err()).toMatch(/"pipeline":"weekly","run_id":2,"step":"done"/);
        expect(answered).toBeGreaterThan(0);
        // the reader still sees what it opened; a new query sees the new run
        const held = await biConn.runAndReadAll('SELECT max(run_id) FROM runs');
        expect(Number(held.getRows()[0]![0])).toBe(1);
        expect(latestRun(db).rows).toEqual([{ run_id: 2, customers: 8800 }]);
      } finally {
        biConn.closeSync();
        bi.closeSync();
      }
    });
  });
});
