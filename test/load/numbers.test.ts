import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/load/loadFiles.js';
import { EMPTY_MAPPING } from '../../src/load/mapping.js';
import { rows, withTempDb, writeText } from '../helpers/db.js';
import { F, load } from './helpers.js';

const amounts = async (conn: Parameters<Parameters<typeof withTempDb>[0]>[0]) =>
  (await rows(conn, 'SELECT amount FROM transactions ORDER BY source_line')).map((r) => r['amount']);

describe('thousands separators detected from a column\'s values', () => {
  it('reads "1,250.00" (quoted, comma-delimited) with a thousands comma, and says so in detected', async () => {
    await withTempDb(async (conn) => {
      const s = await load(conn, [F('thousands-comma.csv')]);
      expect(s).toMatchObject({ rows_read: 5, loaded: 5, quarantined: 0 });
      // by hand: 1,250.00 → 1250; 12.50; -2,000.5 → a return of 2000.5; 1,234,567.89; 7
      expect(await amounts(conn)).toEqual([1250, 12.5, -2000.5, 1234567.89, 7]);
      expect(s.files[0]!.detected['number_format']).toBe('amount (column amount): thousands ",", decimal "."');
    });
  });

  it('reads 1.250,00 with a thousands dot and a decimal comma', async () => {
    await withTempDb(async (conn) => {
      const s = await load(conn, [F('thousands-dot.csv')]);
      expect(s).toMatchObject({ rows_read: 5, loaded: 5, quarantined: 0 });
      expect(await amounts(conn)).toEqual([1250, 12.5, -2000.5, 1234567.89, 7]);
      expect(s.files[0]!.detected['number_format']).toBe('amount (column amount): thousands ".", decimal ","');
    });
  });

  it('refuses a column where every value reads both ways, naming the file, the column, both readings and the fix', async () => {
    await withTempDb(async (conn) => {
      const file = F('thousands-ambiguous.csv');
      const err = await loadFiles(conn, [file], { mapping: EMPTY_MAPPING, mappingSource: 'detected' }).catch((e: Error) => e);
      expect(err).toBeInstanceOf(Error);
      const msg = (err as Error).message;
      expect(msg).toContain(`${file}: the values of column amount fit two number formats`);
      expect(msg).toContain('"1,250" reads as 1250 with thousands ","');
      expect(msg).toContain('as 1.25 with decimal ","');
      expect(msg).toContain('set "number_format" in the mapping');
      expect(await rows(conn, 'SELECT count(*) AS n FROM loads')).toEqual([{ n: 0 }]);
    });
  });

  it('leaves plain numbers alone (no detection) and still quarantines what neither reading reads', async () => {
    await withTempDb(async (conn, dir) => {
      const file = writeText(dir, 'a.csv', 'customer_id,order_id,order_date,amount\nA,1,2024-03-01,1.250\nB,2,2024-03-02,abc\n');
      const s = await load(conn, [file]);
      expect(s).toMatchObject({ loaded: 1, quarantined: 1, quarantine_reasons: { 'unparseable amount': 1 } });
      expect(await amounts(conn)).toEqual([1.25]);
      expect(s.files[0]!.detected['number_format']).toBeUndefined();
    });
  });
});
