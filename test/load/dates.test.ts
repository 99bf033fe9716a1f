import { describe, expect, it } from 'vitest';
import { rows, withTempDb } from '../helpers/db.js';
import { F, load, stored } from './helpers.js';

const dates = async (conn: Parameters<typeof rows>[0]) => (await stored(conn)).map((r) => r['d']);

describe('date formats', () => {
  it('refuses dates that fit D/M/Y and M/D/Y differently, listing both and how to choose; writes nothing', async () => {
    await withTempDb(async (conn) => {
      const err = await load(conn, [F('dates-ambiguous.csv')]).catch((e: Error) => e);
      const msg = String((err as Error).message);
      expect(msg).toContain('dates-ambiguous.csv');
      expect(msg).toContain('"%d/%m/%y" reads 03/01/19 as 2019-01-03');
      expect(msg).toContain('"%m/%d/%y" reads 03/01/19 as 2019-03-01');
      expect(msg).toContain('set "date_format" in the mapping');
      expect(await rows(conn, 'SELECT count(*) AS n FROM transactions')).toEqual([{ n: 0 }]);
    });
  });

  it('detects day-first from ALL values when one of them rules out month-first', async () => {
    await withTempDb(async (conn) => {
      const s = await load(conn, [F('dates-day-first.csv')]);
      expect(s.files[0]!.detected['date_format']).toBe('%d/%m/%y');
      expect(await dates(conn)).toEqual(['2019-01-03 00:00:00', '2019-02-25 00:00:00', '2019-12-11 00:00:00']);
    });
  });

  it('an explicit date_format wins over detection', async () => {
    await withTempDb(async (conn) => {
      const { loadFiles } = await import('../../src/load/loadFiles.js');
      await loadFiles(conn, [F('dates-ambiguous.csv')], { mapping: { columns: {}, date_format: '%m/%d/%y' }, mappingSource: 't' });
      expect(await dates(conn)).toEqual(['2019-03-01 00:00:00', '2019-04-02 00:00:00', '2019-11-12 00:00:00']);
    });
  });

  it.each([
    ['dates-month-names.csv', '%d-%b-%y', ['2013-02-11 00:00:00', '2013-03-02 00:00:00', '1999-12-30 00:00:00']],
    ['dates-yyyymmdd.csv', '%Y%m%d', ['2024-01-31 00:00:00', '2024-02-01 00:00:00']],
    ['dates-no-seconds.csv', '%Y-%m-%d %H:%M', ['2024-01-31 10:15:00', '2024-02-01 09:00:00']],
    ['dates-seconds.csv', '%Y-%m-%d %H:%M:%S', ['2024-01-31 10:15:30', '2024-02-01 09:00:05']],
  ])('%s is read as %s', async (file, format, expected) => {
    await withTempDb(async (conn) => {
      const s = await load(conn, [F(file)]);
      expect(s.files[0]!.detected['date_format']).toBe(format);
      expect(await dates(conn)).toEqual(expected);
    });
  });
});
