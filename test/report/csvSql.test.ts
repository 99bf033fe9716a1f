import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell } from '../../src/report/csv.js';
import { csvNumberSql, csvTextSql } from '../../src/report/csvSql.js';

// The action lists are written by DuckDB (COPY) with cells formatted in SQL; these must be the
// exact bytes csvCell writes, formula escaping and quoting included.
describe('CSV cells formatted in SQL match csvCell', () => {
  let instance: DuckDBInstance;
  let conn: DuckDBConnection;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    conn = await instance.connect();
  });
  afterAll(() => {
    conn.closeSync();
    instance.closeSync();
  });

  const TEXTS = [
    '=HYPERLINK("http://x")', '+1-555', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd', 'plain, with comma', 'line\nbreak', 'cr\r',
    '00042', '', 'a"b', '"', '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'über, 中文', ' lead', "it's", '=', '-',
  ];

  it.each(TEXTS)('text %j', async (text) => {
    const r = await conn.runAndReadAll(`SELECT ${csvTextSql('t')} FROM (SELECT $t::VARCHAR AS t)`, { t: text });
    expect(r.getRows()[0]![0]).toBe(csvCell(text));
  });

  it('text NULL is empty', async () => {
    const r = await conn.runAndReadAll(`SELECT ${csvTextSql('t')} FROM (SELECT NULL::VARCHAR AS t)`);
    expect(r.getRows()[0]![0]).toBe('');
  });

  it('numbers print as JavaScript prints them, across magnitudes and signs', async () => {
    const xs = [0.1, 1, 12.3, -0, 1e15, 1e16, 1e16 + 2, 1.2345678901234567e19, 1e20, 1e21, 1.5e21, -3.2e25, 123456789012345.67, 1e-4,
      1e-5, 1.5e-5, 1e-6, 9.99e-7, 1e-7, 2.5e-300, -12.5, 0.29, 1234567.891, 5e-324, Number.MAX_VALUE, -9.87654321e17, 7e-6];
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let k = 0; k < 3000; k++) xs.push((random() - 0.5) * 10 ** Math.floor(random() * 60 - 30), Math.round(random() * 1e6) / 100, Math.round(random() * 1e4) / 1e4);
    await conn.run('CREATE OR REPLACE TABLE nums (i INTEGER, x DOUBLE)');
    const appender = await conn.createAppender('nums');
    xs.forEach((x, i) => {
      appender.appendInteger(i);
      appender.appendDouble(x);
      appender.endRow();
    });
    appender.closeSync();
    const r = await conn.runAndReadAll(`SELECT i, ${csvNumberSql('x')} FROM nums ORDER BY i`);
    const got = r.getRows().map(([, s]) => s);
    expect(got).toEqual(xs.map((x) => csvCell(x)));
  });

  it.each(['NaN', 'Infinity', '-Infinity'])('number %s is empty, like NULL', async (v) => {
    const r = await conn.runAndReadAll(`SELECT ${csvNumberSql('x')}, ${csvNumberSql('n')} FROM (SELECT '${v}'::DOUBLE AS x, NULL::DOUBLE AS n)`);
    expect(r.getRows()[0]).toEqual(['', '']);
  });

  it('integers print plainly', async () => {
    const r = await conn.runAndReadAll(`SELECT ${csvNumberSql('i')} FROM (SELECT unnest([0, -3, 7, 2147483647]::INTEGER[]) AS i)`);
    expect(r.getRows().map(([s]) => s)).toEqual(['0', '-3', '7', '2147483647']);
  });
});
