import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { FUTURE_AS_OF_DAYS, resolveAsOf } from '../../src/analyze/resolveAsOf.js';
import { DEFAULT_DYNAMICS } from '../../src/dynamics/config.js';
import { loadFiles } from '../../src/load/loadFiles.js';
import { readMapping } from '../../src/load/mapping.js';
import { DEFAULT_MODELS } from '../../src/models/config.js';
import { rows, withTempDb } from '../helpers/db.js';

const SAMPLE = 'fixtures/sample/transactions.csv';
const MAPPING = 'fixtures/sample/mapping.json';
const AS_OF = '2024-12-29';

const config = async (conn: Parameters<Parameters<typeof withTempDb>[0]>[0], runId: number, section: string) => {
  const [r] = await rows(conn, `SELECT config::VARCHAR AS c FROM run_config WHERE run_id = ${runId} AND section = '${section}'`);
  return JSON.parse(String(r!['c'])) as Record<string, unknown>;
};

describe('analysis settings reach the steps through the run (ctx.models, ctx.dynamics)', () => {
  it('scores with the settings given, stores exactly those, and defaults to DEFAULT_MODELS / DEFAULT_DYNAMICS', async () => {
    await withTempDb(async (conn) => {
      await loadFiles(conn, [SAMPLE], { mapping: readMapping(MAPPING), mappingSource: MAPPING });
      const plain = await analyze(conn, { asOf: AS_OF });
      const models = { ...DEFAULT_MODELS, churnBands: { medium: 0.3, high: 0.6 }, valueTiers: { top: 0.1, mid: 0.2 } };
      const dynamics = { ...DEFAULT_DYNAMICS, lostMinDays: 400, lostGapMultiple: 6 };
      const tuned = await analyze(conn, { asOf: AS_OF, models, dynamics, locale: 'zh-CN' });

      // run_config holds the settings as used: an 'auto' horizon resolved to days, and how it was chosen
      const used = (c: Record<string, unknown>) => ({ ...c, horizonDays: 'auto', horizon: undefined });
      expect(used(await config(conn, plain.runId, 'models'))).toEqual({ ...DEFAULT_MODELS, horizon: undefined });
      expect(await config(conn, plain.runId, 'models')).toMatchObject({ horizon: { source: 'auto' } });
      expect(await config(conn, plain.runId, 'dynamics')).toEqual(DEFAULT_DYNAMICS);
      expect(await config(conn, plain.runId, 'report')).toEqual({ currency: null, locale: 'en', timezone: 'UTC' });
      expect(used(await config(conn, tuned.runId, 'models'))).toEqual({ ...models, horizon: undefined });
      expect(await config(conn, tuned.runId, 'dynamics')).toEqual(dynamics);
      expect(await config(conn, tuned.runId, 'report')).toEqual({ currency: null, locale: 'zh-CN', timezone: 'UTC' }); // loaded with no currency

      // the bands and tiers in customer_scores follow the settings of each run
      for (const [run, m] of [[plain.runId, DEFAULT_MODELS], [tuned.runId, models]] as const) {
        const [r] = await rows(conn, `
          SELECT count(*) AS n, count(*) FILTER (value_tier = 'top') AS top,
            count(*) FILTER (churn_band = 'high') AS high, count(*) FILTER (churn_risk >= ${m.churnBands.high}) AS risky
          FROM customer_scores WHERE run_id = ${run}`);
        expect(r!['high']).toBe(r!['risky']);
        expect(Number(r!['top']) / Number(r!['n'])).toBeCloseTo(m.valueTiers.top, 1);
      }
      // a stricter "lost" threshold changes states: the states step read ctx.dynamics
      const changed = Number((await rows(conn, `
        SELECT count(*) AS n FROM customer_scores a JOIN customer_scores b USING (customer_id)
        WHERE a.run_id = ${plain.runId} AND b.run_id = ${tuned.runId} AND a.state IS DISTINCT FROM b.state`))[0]!['n']);
      expect(changed).toBeGreaterThan(0);
    });
  });

  it('refuses settings that cannot score before a run row is written', async () => {
    await withTempDb(async (conn) => {
      await loadFiles(conn, [SAMPLE], { mapping: readMapping(MAPPING), mappingSource: MAPPING });
      await expect(analyze(conn, { asOf: AS_OF, models: { ...DEFAULT_MODELS, horizonDays: 0 } })).rejects.toThrow(/horizonDays must be 'auto' or a number of days > 0/);
      expect(await rows(conn, 'SELECT * FROM runs')).toEqual([]);
    });
  });

  it('limits how far past the latest order an as-of may lie only when asked (the CLI and pipelines ask for 7 days)', async () => {
    await withTempDb(async (conn) => {
      await loadFiles(conn, [SAMPLE], { mapping: readMapping(MAPPING), mappingSource: MAPPING });
      const limit = { maxDaysAhead: FUTURE_AS_OF_DAYS };
      expect(await resolveAsOf(conn, '2025-01-05', limit)).toBe('2025-01-05'); // latest order 2024-12-29 + 7
      await expect(resolveAsOf(conn, '2025-01-06', limit)).rejects.toThrow('--as-of 2025-01-06 is 8 days after the latest order date (2024-12-29)');
      await expect(resolveAsOf(conn, '2025-01-06', { ...limit, source: 'picked by the as-of rule last-complete-week of pipelines/x.json' }))
        .rejects.toThrow(/^as-of 2025-01-06 \(picked by the as-of rule last-complete-week of pipelines\/x\.json\) is 8 days after/);
      expect(await resolveAsOf(conn, '2025-01-06')).toBe('2025-01-06');
      expect(await resolveAsOf(conn, undefined, limit)).toBe('2024-12-29');
    });
  });
});
