import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { readWarmStarts } from '../../src/scoring/io/readWarmStarts.js';
import { withDatabase } from '../../src/store/database.js';
import { crm } from '../helpers/cli.js';
import { rows, withTempDir } from '../helpers/db.js';

describe('warm start from the previous run', () => {
  it('reads last run’s optima in the requested unit and lands on the same optimum', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'crm.duckdb');
      expect((await crm('load', 'fixtures/cdnow/CDNOW_sample.txt', '--mapping', 'fixtures/cdnow/mapping-sample.json', '--db', db)).code).toBe(0);
      await withDatabase(db, {}, async (conn) => {
        const first = await analyze(conn, { asOf: '1997-09-23' });
        const second = await analyze(conn, { asOf: '1997-09-30' });
        const weeks = await readWarmStarts(conn, first.runId, 'week');
        const days = await readWarmStarts(conn, first.runId, 'day');
        expect(Object.keys(weeks).sort()).toEqual(['bgnbd', 'gammagamma', 'mbgnbd']);
        expect(days.bgnbd!.alpha).toBeCloseTo(7 * weeks.bgnbd!.alpha, 9);
        expect(days.bgnbd!.r).toBe(weeks.bgnbd!.r);
        expect(days.gammagamma).toEqual(weeks.gammagamma);
        const [bg] = await rows(conn, `SELECT params->>'r' AS r, log_likelihood FROM model_fits WHERE run_id = ${second.runId} AND model = 'bgnbd'`);
        expect(Number(bg!['r'])).toBeCloseTo(0.242594, 4);
        expect(bg!['log_likelihood'] as number).toBeCloseTo(-9582.4292, 2);
        const moves = await rows(conn, `SELECT sum(clv) AS clv FROM segment_moves WHERE run_id = ${second.runId}`);
        expect(moves[0]!['clv'] as number).toBeGreaterThan(0); // the dynamics step sums this run's clv_12m
      });
    });
  });
});
