import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import type { AnalysisStep } from '../../src/analyze/step.js';
import { STEPS } from '../../src/analyze/steps.js';
import { loadFiles } from '../../src/load/loadFiles.js';
import { readMapping } from '../../src/load/mapping.js';
import { withDatabase } from '../../src/store/database.js';
import { rows, withTempDir } from '../helpers/db.js';

// The contract with the house-accounts step: it sets customer_summary.house_account before the
// clusters run. This test plays that step (marking three sample customers) inside a real run.
const HOUSE = ['C000001', 'C000002', 'C000003'];
const marker: AnalysisStep = {
  name: 'test-house-accounts',
  async run({ conn }) {
    await conn.run(`UPDATE customer_summary SET house_account = true WHERE customer_id IN (${HOUSE.map((id) => `'${id}'`).join(', ')})`);
  },
};
const steps = STEPS as AnalysisStep[];
afterEach(() => {
  const at = steps.indexOf(marker);
  if (at >= 0) steps.splice(at, 1);
});

describe('house accounts and the clusters', () => {
  it('are set aside as their own named group, never in a cluster', async () => {
    await withTempDir(async (dir) => {
      await withDatabase(join(dir, 'crm.duckdb'), {}, async (conn) => {
        await loadFiles(conn, ['fixtures/sample/transactions.csv'], { mapping: readMapping('fixtures/sample/mapping.json'), mappingSource: 'test' });
        steps.splice(steps.findIndex((s) => s.name === 'clusters'), 0, marker);
        const run = await analyze(conn, { asOf: '2024-12-29' });
        const marked = await rows(conn, `SELECT customer_id, cluster, cluster_set_aside FROM customer_scores
          WHERE run_id = ${run.runId} AND customer_id IN (${HOUSE.map((id) => `'${id}'`).join(', ')}) ORDER BY customer_id`);
        expect(marked).toEqual(HOUSE.map((id) => ({ customer_id: id, cluster: null, cluster_set_aside: 'house_account' })));
        const [group] = await rows(conn, `SELECT customers, share FROM cluster_set_aside WHERE run_id = ${run.runId} AND reason = 'house_account'`);
        expect(group).toEqual({ customers: 3, share: 3 / run.customers });
        const [sizes] = await rows(conn, `SELECT sum(size) AS n FROM cluster_profiles WHERE run_id = ${run.runId}`);
        const [clustered] = await rows(conn, `SELECT count(cluster) AS n FROM customer_scores WHERE run_id = ${run.runId}`);
        expect(Number(sizes!['n'])).toBe(Number(clustered!['n']));
      });
    });
  });
});
