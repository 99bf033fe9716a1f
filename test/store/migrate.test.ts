import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { loadFiles } from '../../src/load/loadFiles.js';
import { EMPTY_MAPPING } from '../../src/load/mapping.js';
import { migrate, SCHEMA_VERSION, schemaVersion } from '../../src/store/migrate.js';
import { migrations } from '../../src/store/migrations/index.js';
import { STATE_RENAMES } from '../../src/store/migrations/011-one-meaning-per-word.js';
import { rows, withTempDb } from '../helpers/db.js';

async function memory() {
  const db = await DuckDBInstance.create(':memory:');
  return db.connect();
}

const step = (version: number) => ({ version, name: `m${version}`, sql: `CREATE TABLE t${version} (x INTEGER)` });

describe('schema migrations', () => {
  it('create every table on first use and record each version once', async () => {
    const conn = await memory();
    expect(await migrate(conn)).toBe(SCHEMA_VERSION);
    const r = await conn.runAndReadAll('SELECT list(version ORDER BY version) FROM schema_version');
    expect(r.getRowsJS()[0]![0]).toEqual(migrations.map((m) => m.version).sort((a, b) => a - b));
    expect(await migrate(conn)).toBe(SCHEMA_VERSION); // a second run is a no-op
  });

  it('apply a migration merged later with a lower number than one already applied', async () => {
    const conn = await memory();
    await migrate(conn, [step(1), step(3)]);
    expect(await schemaVersion(conn)).toBe(3);
    await migrate(conn, [step(1), step(2), step(3)]);
    const r = await conn.runAndReadAll(`SELECT count(*) FROM duckdb_tables() WHERE table_name IN ('t1', 't2', 't3')`);
    expect(Number(r.getRows()[0]![0])).toBe(3);
  });

  it('roll back a failing migration with its version row', async () => {
    const conn = await memory();
    const bad = { version: 2, name: 'broken', sql: 'CREATE TABLE ok2 (x INTEGER); CREATE TABLE nope (x NOSUCHTYPE)' };
    await expect(migrate(conn, [step(1), bad])).rejects.toThrow('schema migration 2 (broken) failed');
    expect(await schemaVersion(conn)).toBe(1);
    const r = await conn.runAndReadAll(`SELECT count(*) FROM duckdb_tables() WHERE table_name = 'ok2'`);
    expect(Number(r.getRows()[0]![0])).toBe(0);
  });

  it('refuse a database made by a newer version of the tool', async () => {
    const conn = await memory();
    await migrate(conn);
    await conn.run(`INSERT INTO schema_version (version, name) VALUES (${SCHEMA_VERSION + 1}, 'future')`);
    await expect(migrate(conn)).rejects.toThrow('newer than this build supports');
  });

  it('carry row identity from the row_key hash (version 7) to exact occurrences (version 8)', async () => {
    const conn = await memory();
    await migrate(conn, migrations.filter((m) => m.version <= 7));
    // the same line twice in load 1, once in load 2, and another line: occurrences 1, 2, 1, 1
    await conn.run(`INSERT INTO transactions (customer_id, order_id, order_date, amount, quantity, is_return, source_file, source_line, load_id)
      VALUES ('c1', 'o1', TIMESTAMP '2024-01-01', 5, 1, false, 'a.csv', 2, 1), ('c1', 'o1', TIMESTAMP '2024-01-01', 5, 1, false, 'a.csv', 3, 1),
             ('c1', 'o1', TIMESTAMP '2024-01-01', 5, 1, false, 'b.csv', 2, 2), ('c2', 'o2', TIMESTAMP '2024-01-02', 7, NULL, false, 'a.csv', 4, 1)`);
    expect(await migrate(conn)).toBe(SCHEMA_VERSION);
    const r = await conn.runAndReadAll('SELECT source_file, source_line, occurrence FROM transactions ORDER BY source_file, source_line');
    expect(r.getRowsJS()).toEqual([['a.csv', 2n, 1], ['a.csv', 3n, 2], ['a.csv', 4n, 1], ['b.csv', 2n, 1]]);
    const cols = await conn.runAndReadAll(`SELECT count(*) FROM duckdb_columns() WHERE table_name = 'transactions' AND column_name = 'row_key'`);
    expect(Number(cols.getRows()[0]![0])).toBe(0);
  });

  it('rebuild customer_scores without its key (version 9), keeping every row, column and NOT NULL', async () => {
    const conn = await memory();
    await migrate(conn, migrations.filter((m) => m.version <= 8));
    const columns = `SELECT list(column_name || ' ' || data_type || CASE WHEN is_nullable THEN '' ELSE ' NOT NULL' END ORDER BY column_index)
      FROM duckdb_columns() WHERE table_name = 'customer_scores'`;
    const before = (await conn.runAndReadAll(columns)).getRowsJS();
    await conn.run(`INSERT INTO customer_scores (run_id, as_of, customer_id, first_order, last_order, recency_days, frequency, monetary,
      returns_amount, tenure_days, x, t_x, T, m_bar, r_score, f_score, m_score, segment, churn_reason)
      VALUES (1, DATE '2024-01-01', '007', TIMESTAMP '2023-01-01', TIMESTAMP '2023-06-01', 214, 2, 50, 0, 365, 1, 21.6, 52.1, 25, 3, 4, 5, 'Loyal', 'why')`);
    expect(await migrate(conn, migrations.filter((m) => m.version <= 9))).toBe(9);
    expect((await conn.runAndReadAll(columns)).getRowsJS()).toEqual(before);
    const keys = await conn.runAndReadAll(`SELECT count(*) FROM duckdb_constraints() WHERE table_name = 'customer_scores' AND constraint_type = 'PRIMARY KEY'`);
    expect(Number(keys.getRows()[0]![0])).toBe(0);
    const row = await conn.runAndReadAll(`SELECT customer_id, segment, churn_reason FROM customer_scores`);
    expect(row.getRowsJS()).toEqual([['007', 'Loyal', 'why']]);
  });

  it('rename the customer-state codes of runs written before version 11, so history compares with new runs', async () => {
    await withTempDb(async (conn) => {
      // Two real runs of the sample (state moves between them), as the current code writes them …
      await loadFiles(conn, ['fixtures/sample/transactions.csv'], { mapping: EMPTY_MAPPING, mappingSource: 'test' });
      for (const asOf of ['2024-06-30', '2024-12-29']) await analyze(conn, { asOf });
      const states = 'SELECT run_id, customer_id, state FROM customer_scores ORDER BY ALL';
      const moves = 'SELECT run_id, from_state, to_state, customers FROM state_moves ORDER BY ALL';
      const want = { states: await rows(conn, states), moves: await rows(conn, moves) };
      const codes = new Set(want.states.map((r) => r['state']));
      expect([...codes].sort()).toEqual(['first_order', 'lapsed', 'lapsing', 'regular', 'repeat', 'won_back']);
      // … turned into the database the code before version 11 wrote: old codes, no new columns.
      const back = (col: string) => `CASE ${col} ${Object.entries(STATE_RENAMES).map(([old, now]) => `WHEN '${now}' THEN '${old}'`).join(' ')} ELSE ${col} END`;
      await conn.run(`UPDATE customer_scores SET state = ${back('state')}; UPDATE state_moves SET from_state = ${back('from_state')}, to_state = ${back('to_state')};
        ALTER TABLE customer_scores DROP COLUMN value_if_kept_12m; ALTER TABLE backtests DROP COLUMN bands; DELETE FROM schema_version WHERE version = 11`);
      const old = await rows(conn, 'SELECT DISTINCT state FROM customer_scores ORDER BY 1');
      expect(old.map((r) => r['state'])).toEqual(['at_risk', 'lost', 'loyal', 'new', 'repeat', 'won_back']);
      expect(await migrate(conn)).toBe(SCHEMA_VERSION);
      expect(await rows(conn, states)).toEqual(want.states);
      expect(await rows(conn, moves)).toEqual(want.moves);
      expect(await rows(conn, "SELECT count(*) AS n FROM state_moves WHERE from_state = 'prospect'")).not.toEqual([{ n: 0 }]);
      // a run made after the migration moves from the renamed codes, with no old code left anywhere
      await analyze(conn, { asOf: '2024-12-31' });
      const left = await rows(conn, `SELECT count(*) AS n FROM (SELECT state AS s FROM customer_scores UNION ALL SELECT from_state FROM state_moves
        UNION ALL SELECT to_state FROM state_moves) WHERE s IN ('new', 'loyal', 'at_risk', 'lost')`);
      expect(left).toEqual([{ n: 0 }]);
    });
  }, 60_000);
});
