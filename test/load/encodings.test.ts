import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/load/loadFiles.js';
import { rows, withTempDb } from '../helpers/db.js';
import { F, load } from './helpers.js';

const names = async (conn: Parameters<typeof rows>[0]) =>
  (await rows(conn, 'SELECT product_name FROM transactions ORDER BY load_id, source_line')).map((r) => r['product_name']);

describe('encodings', () => {
  it.each([
    ['latin1', 'latin1.csv', 'café crème'],
    ['iso-8859-1', 'latin1.csv', 'café crème'],
    ['windows-1252', 'windows-1252.csv', '€ “quoted”'],
    ['cp1252', 'windows-1252.csv', '€ “quoted”'],
    ['cp437', 'cp437.csv', 'café über £'],
    ['IBM437', 'cp437.csv', 'café über £'],
  ])('decodes %s', async (encoding, file, expected) => {
    await withTempDb(async (conn) => {
      const s = await loadFiles(conn, [F(file)], { mapping: { columns: {}, encoding }, mappingSource: 'test' });
      expect(s).toMatchObject({ rows_read: 1, loaded: 1 });
      expect(await names(conn)).toEqual([expected]);
      expect(s.files[0]!.detected['encoding']).toBe(encoding);
    });
  });

  it('bytes that are not UTF-8 quarantine their line only; other rows load intact', async () => {
    await withTempDb(async (conn) => {
      const s = await load(conn, [F('invalid-utf8.csv')]);
      expect(s).toMatchObject({ rows_read: 3, loaded: 2, quarantined: 1, quarantine_reasons: { 'invalid text encoding': 1 } });
      expect(await names(conn)).toEqual(['ok', 'fine']);
      const [q] = await rows(conn, 'SELECT source_file, source_line FROM quarantine');
      expect(q).toMatchObject({ source_line: 3 });
      expect(String(q!['source_file'])).toContain('invalid-utf8.csv');
    });
  });

  it('an unknown encoding name is refused with the supported ones', async () => {
    await withTempDb(async (conn) => {
      const err = await loadFiles(conn, [F('latin1.csv')], { mapping: { columns: {}, encoding: 'ebcdic-martian' }, mappingSource: 'm.json' }).catch((e: Error) => e);
      expect(String(err)).toContain('unknown encoding "ebcdic-martian"');
      expect(String(err)).toContain('windows-1252');
    });
  });
});
