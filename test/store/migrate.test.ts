import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { migrate, SCHEMA_VERSION, schemaVersion } from '../../src/store/migrate.js';
import { migrations } from '../../src/store/migrations/index.js';

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
    expect(await migrate(conn)).toBe(SCHEMA_VERSION);
    expect((await conn.runAndReadAll(columns)).getRowsJS()).toEqual(before);
    const keys = await conn.runAndReadAll(`SELECT count(*) FROM duckdb_constraints() WHERE table_name = 'customer_scores' AND constraint_type = 'PRIMARY KEY'`);
    expect(Number(keys.getRows()[0]![0])).toBe(0);
    const row = await conn.runAndReadAll(`SELECT customer_id, segment, churn_reason FROM customer_scores`);
    expect(row.getRowsJS()).toEqual([['007', 'Loyal', 'why']]);
  });
});
