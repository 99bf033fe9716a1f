import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { SCORES_WRITE } from '../../src/analyze/writeCustomerScores.js';
import { loadFiles } from '../../src/load/loadFiles.js';
import { readMapping } from '../../src/load/mapping.js';
import { withDatabase } from '../../src/store/database.js';
import { rows, withTempDir } from '../helpers/db.js';

const SAMPLE = 'fixtures/sample/transactions.csv';
const MAPPING = 'fixtures/sample/mapping.json';

describe('customer_scores written in slices', () => {
  it('holds the same rows whether written in one statement or in slices of 500 customers', async () => {
    await withTempDir(async (dir) => {
      await withDatabase(`${dir}/crm.duckdb`, {}, async (conn) => {
        await loadFiles(conn, [SAMPLE], { mapping: readMapping(MAPPING), mappingSource: MAPPING });
        const whole = await analyze(conn, { asOf: '2024-12-29' });
        const before = SCORES_WRITE.slice;
        SCORES_WRITE.slice = 500;
        try {
          const sliced = await analyze(conn, { asOf: '2024-12-29' });
          expect(sliced.customers).toBeGreaterThan(4 * 500); // several slices, the last one partial
          const diff = await rows(conn, `
            SELECT count(*) AS n FROM (
              (SELECT * EXCLUDE (run_id) FROM customer_scores WHERE run_id = ${whole.runId}
               EXCEPT ALL SELECT * EXCLUDE (run_id) FROM customer_scores WHERE run_id = ${sliced.runId})
              UNION ALL
              (SELECT * EXCLUDE (run_id) FROM customer_scores WHERE run_id = ${sliced.runId}
               EXCEPT ALL SELECT * EXCLUDE (run_id) FROM customer_scores WHERE run_id = ${whole.runId}))`);
          expect(Number(diff[0]!['n'])).toBe(0);
          const counts = await rows(conn, `SELECT count(*) AS n, count(DISTINCT customer_id) AS d FROM customer_scores WHERE run_id = ${sliced.runId}`);
          expect(Number(counts[0]!['n'])).toBe(sliced.customers);
          expect(Number(counts[0]!['d'])).toBe(sliced.customers);
        } finally {
          SCORES_WRITE.slice = before;
        }
      });
    });
  });
});
