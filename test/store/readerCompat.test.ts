import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crm } from '../helpers/cli.js';
import { withTempDir } from '../helpers/db.js';

/**
 * Reads the database with DuckDB 1.4 (@duckdb/node-api 1.4.x, installed as the npm alias
 * duckdb-1.4) in a process of its own: two DuckDB native libraries in one process share symbols,
 * so in-process the product itself would silently run on the old library.
 */
function readWithDuckdb14(db: string, sql: string): { version: string; rows: string[][] } {
  const script = `
    import { DuckDBInstance, version } from 'duckdb-1.4';
    const db = await DuckDBInstance.create(process.argv[1], { access_mode: 'READ_ONLY' });
    const conn = await db.connect();
    const r = await conn.runAndReadAll(process.argv[2]);
    console.log(JSON.stringify({ version: version(), rows: r.getRows().map((row) => row.map(String)) }));`;
  const p = spawnSync(process.execPath, ['--input-type=module', '-e', script, db, sql], { encoding: 'utf8' });
  if (p.status !== 0) throw new Error(`DuckDB 1.4 could not read ${db}: ${p.stderr}`);
  return JSON.parse(p.stdout) as { version: string; rows: string[][] };
}

// Data teams open the product's database with the DuckDB they already have; a release behind is
// common (BI tools embed one).
describe('the database opens in older DuckDB clients', () => {
  it('DuckDB 1.4 reads customer_scores and transactions written by the product', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'crm.duckdb');
      const load = await crm('load', 'fixtures/sample/transactions.csv', '--mapping', 'fixtures/sample/mapping.json', '--db', db);
      expect(load.code, load.err).toBe(0);
      const run = await crm('analyze', '--db', db, '--json');
      expect(run.code, run.err).toBe(0);
      const { runId, customers } = JSON.parse(run.out) as { runId: number; customers: number };
      expect(customers).toBeGreaterThan(1000);

      const r = readWithDuckdb14(db, `SELECT count(*), count(DISTINCT segment), max(run_id), (SELECT count(*) FROM transactions) FROM customer_scores`);
      expect(r.version).toMatch(/^v1\.4\./);
      const [n, segments, latest, tx] = r.rows[0]!.map(Number);
      expect({ n, latest, tx }).toEqual({ n: customers, latest: runId, tx: 18420 });
      expect(segments).toBeGreaterThan(3);
    });
  });
});
