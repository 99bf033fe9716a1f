import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/store/migrate.js';
import { migrations } from '../../src/store/migrations/index.js';
import { loadFiles } from '../../src/load/loadFiles.js';
import { parseMapping, readMapping } from '../../src/load/mapping.js';
import { crm } from '../helpers/cli.js';
import { rows, withTempDb, withTempDir, writeText } from '../helpers/db.js';
import { F, load } from './helpers.js';

const MAPPING = F('two-currencies.json');
const FILE = F('two-currencies.csv');

/** What the file says, read independently of the loader: trimmed, upper-cased, blank → the mapping's GBP. */
function expectedByCurrency(): { byCurrency: Record<string, number>; invalid: string[] } {
  const lines = readFileSync(FILE, 'utf8').trimEnd().split('\n').slice(1);
  const byCurrency: Record<string, number> = {};
  const invalid: string[] = [];
  for (const line of lines) {
    const code = line.split(',')[4]!.trim().toUpperCase() || 'GBP';
    if (/^(GBP|EUR)$/.test(code)) byCurrency[code] = (byCurrency[code] ?? 0) + 1;
    else invalid.push(code);
  }
  return { byCurrency, invalid };
}

const CSV = 'customer_id,order_id,order_date,amount\nA,1,2024-01-02,10\nB,2,2024-01-03,20\n';
const CSV_WITH_COLUMN = 'customer_id,order_id,order_date,amount,currency\nA,1,2024-01-02,10,usd\nB,2,2024-01-03,20,\n';

describe('currency of loaded rows', () => {
  it('reads each row\'s currency column (trimmed, upper-cased), the mapping\'s code where it is empty, and quarantines codes that are not ISO 4217', async () => {
    await withTempDb(async (conn) => {
      const s = await load(conn, [FILE], MAPPING);
      const { byCurrency, invalid } = expectedByCurrency();
      expect(invalid).toEqual(['UKP', '£']);
      expect(s).toMatchObject({ rows_read: 214, loaded: 212, duplicates: 0, excluded: 0, quarantined: 2, quarantine_reasons: { 'invalid currency': 2 } });
      expect(s.files[0]!.detected['currency']).toBe('column Currency, else GBP');
      const stored = await rows(conn, 'SELECT currency, count(*) AS n FROM transactions GROUP BY currency ORDER BY currency');
      expect(Object.fromEntries(stored.map((r) => [r['currency'], r['n']]))).toEqual(byCurrency);
      const q = await rows(conn, 'SELECT reason, detail FROM quarantine ORDER BY source_line');
      expect(q.map((r) => r['detail'])).toEqual([
        'currency "UKP" (column Currency) is not an ISO 4217 code such as GBP, EUR or USD',
        'currency "£" (column Currency) is not an ISO 4217 code such as GBP, EUR or USD',
      ]);
    });
  });

  it('takes the row column over the mapping, and the mapping over the load option', async () => {
    await withTempDb(async (conn, dir) => {
      const withColumn = writeText(dir, 'a.csv', CSV_WITH_COLUMN);
      const m = parseMapping({ columns: { customer_id: 'customer_id', order_id: 'order_id', order_date: 'order_date', amount: 'amount', currency: 'currency' }, currency: 'EUR' }, 'm.json');
      await loadFiles(conn, [withColumn], { mapping: m, mappingSource: 'm.json', currency: 'JPY' });
      const plain = writeText(dir, 'b.csv', CSV.replaceAll('2024-01', '2024-02'));
      await loadFiles(conn, [plain], { mapping: { columns: {}, currency: 'EUR' }, mappingSource: 'detected', currency: 'JPY' });
      const optionOnly = writeText(dir, 'c.csv', CSV.replaceAll('2024-01', '2024-03'));
      await loadFiles(conn, [optionOnly], { mapping: { columns: {} }, mappingSource: 'detected', currency: 'jpy' });
      const t = await rows(conn, `SELECT source_file, currency FROM transactions ORDER BY load_id, source_line`);
      expect(t.map((r) => [String(r['source_file']).slice(-5), r['currency']])).toEqual([
        ['a.csv', 'USD'], ['a.csv', 'EUR'], ['b.csv', 'EUR'], ['b.csv', 'EUR'], ['c.csv', 'JPY'], ['c.csv', 'JPY'],
      ]);
    });
  });

  it('recognises a "Currency" header with no mapping, and stores NULL when no currency is declared anywhere', async () => {
    await withTempDb(async (conn, dir) => {
      await loadFiles(conn, [writeText(dir, 'a.csv', CSV_WITH_COLUMN)], { mapping: { columns: {} }, mappingSource: 'detected' });
      await loadFiles(conn, [writeText(dir, 'b.csv', CSV.replaceAll('2024-01', '2024-02'))], { mapping: { columns: {} }, mappingSource: 'detected' });
      const t = await rows(conn, `SELECT currency FROM transactions ORDER BY load_id, source_line`);
      expect(t.map((r) => r['currency'])).toEqual(['USD', null, null, null]);
    });
  });

  it('gives rows stored without a currency the currency of the same export loaded again with one', async () => {
    await withTempDb(async (conn, dir) => {
      const file = writeText(dir, 'a.csv', CSV + 'C,3,2024-01-04,30\nC,3,2024-01-04,30\n'); // a repeated line: two rows, one identity each
      const other = writeText(dir, 'b.csv', CSV.replaceAll('2024-01', '2024-02'));
      await loadFiles(conn, [file, other], { mapping: { columns: {} }, mappingSource: 'detected' });
      const again = await loadFiles(conn, [file], { mapping: { columns: {} }, mappingSource: 'detected', currency: 'GBP' });
      expect(again).toMatchObject({ rows_read: 4, loaded: 0, duplicates: 4, currency_set: 4 });
      const t = await rows(conn, `SELECT source_file, currency, count(*) AS n FROM transactions GROUP BY ALL ORDER BY ALL`);
      expect(t.map((r) => [String(r['source_file']).slice(-5), r['currency'], r['n']])).toEqual([['a.csv', 'GBP', 4], ['b.csv', null, 2]]);
      // a row that already has a currency keeps it
      const eur = await loadFiles(conn, [file], { mapping: { columns: {} }, mappingSource: 'detected', currency: 'EUR' });
      expect(eur.currency_set).toBe(0);
      expect(await rows(conn, `SELECT DISTINCT currency FROM transactions WHERE source_file = '${file}'`)).toEqual([{ currency: 'GBP' }]);
    });
  });

  it('migration 012 leaves rows loaded before it with no currency (NULL, not a guess)', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    try {
      await migrate(conn, migrations.filter((m) => m.version < 12));
      // a row as the loader wrote it before currencies
      await conn.run(`INSERT INTO transactions (customer_id, order_id, order_date, amount, is_return, source_file, source_line, load_id)
        VALUES ('A', '1', TIMESTAMP '2024-01-02', 10, false, 'old.csv', 2, 1)`);
      await migrate(conn);
      expect(await rows(conn, 'SELECT customer_id, currency FROM transactions')).toEqual([{ customer_id: 'A', currency: null }]);
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  });

  it('refuses a mapping currency that is not an ISO 4217 code, naming the file, the key and an example', () => {
    expect(() => parseMapping({ columns: {}, currency: 'pounds' }, 'shop.json')).toThrow(/^shop\.json: "currency" must be an ISO 4217 currency code such as "GBP"/);
    expect(() => parseMapping({ columns: {}, currency: true }, 'shop.json')).toThrow(/"number_format": \{"currency": true\}/);
    expect(readMapping(MAPPING).currency).toBe('GBP');
    expect(parseMapping({ columns: {}, currency: ' eur ' }, 'shop.json').currency).toBe('EUR');
  });

  it('refuses a load option that is not a currency code before reading anything', async () => {
    await withTempDb(async (conn, dir) => {
      const file = writeText(dir, 'a.csv', CSV);
      await expect(loadFiles(conn, [file], { mapping: { columns: {} }, mappingSource: 'detected', currency: 'XYZ' })).rejects.toThrow(/the load option "currency" must be an ISO 4217/);
      expect(await rows(conn, 'SELECT count(*) AS n FROM transactions')).toEqual([{ n: 0 }]);
    });
  });

  it('crm load --currency sets the currency; a bad code is a usage error (exit 2)', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'crm.duckdb');
      const file = writeText(dir, 'a.csv', CSV);
      const bad = await crm('load', file, '--currency', 'pound', '--db', db);
      expect(bad.code).toBe(2);
      expect(bad.err).toContain('--currency must be an ISO 4217 currency code such as "GBP"');
      const ok = await crm('load', file, '--currency', 'gbp', '--json', '--db', db);
      expect(ok.code, ok.err).toBe(0);
      const q = await crm('query', 'SELECT DISTINCT currency FROM transactions', '--format', 'csv', '--db', db);
      expect(q.out.trim().split(/\r?\n/)).toEqual(['currency', 'GBP']);
    });
  });
});
