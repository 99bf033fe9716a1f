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
});
