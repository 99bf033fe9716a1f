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
        // both runs choose the Pareto/NBD on the CDNOW sample (cdnowSample.test.ts); its α and β are time scales
        expect(Object.keys(weeks).sort()).toEqual(['gammagamma', 'pnbd']);
        expect(days.pnbd!.alpha).toBeCloseTo(7 * weeks.pnbd!.alpha, 9);
        expect(days.pnbd!.beta).toBeCloseTo(7 * weeks.pnbd!.beta, 9);
        expect(days.pnbd!.r).toBe(weeks.pnbd!.r);
        expect(days.pnbd!.s).toBe(weeks.pnbd!.s);
        expect(days.gammagamma).toEqual(weeks.gammagamma);
        const [pn] = await rows(conn, `SELECT params->>'r' AS r, log_likelihood FROM model_fits WHERE run_id = ${second.runId} AND model = 'pnbd'`);
        expect(Number(pn!['r'])).toBeCloseTo(0.553275, 4);
        expect(pn!['log_likelihood'] as number).toBeCloseTo(-9594.9739, 2);
        const moves = await rows(conn, `SELECT sum(clv) AS clv FROM segment_moves WHERE run_id = ${second.runId}`);
        expect(moves[0]!['clv'] as number).toBeGreaterThan(0); // the dynamics step sums this run's clv_12m
      });
    });
  });
});
