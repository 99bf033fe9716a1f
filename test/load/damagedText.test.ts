import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/load/loadFiles.js';
import type { Mapping } from '../../src/load/mapping.js';
import { rows, withTempDb } from '../helpers/db.js';

const MAPPING = { columns: { customer_id: 'customer_id', order_id: 'order_id', order_date: 'order_date', amount: 'amount' } } as Mapping;
const HEADER = 'customer_id,order_id,order_date,amount';
const good = (i: number) => `C${i},O${i},2024-01-${String(1 + (i % 28)).padStart(2, '0')},${i}.50`;

/** Load `text` as one file; the loaded (line, order) pairs, the quarantine, and the accounting. */
async function load(text: string) {
  return withTempDb(async (conn, dir) => {
    const path = join(dir, 'export.csv');
    writeFileSync(path, text);
    const s = await loadFiles(conn, [path], { mapping: MAPPING, mappingSource: 'test' });
    const f = s.files[0]!;
    expect(f.rowsRead).toBe(f.loaded + f.duplicates + f.excluded + f.quarantined);
    const loaded = (await rows(conn, 'SELECT source_line AS line, order_id FROM transactions ORDER BY source_line')).map((r) => `${r['line']}:${r['order_id']}`);
    const quarantined = (await rows(conn, 'SELECT source_line AS line, reason FROM quarantine ORDER BY source_line')).map((r) => `${r['line']}:${r['reason']}`);
    return { loaded, quarantined, detected: f.detected };
  });
}

// Found by the loader fuzzer (test/load/fuzz.test.ts): DuckDB's reader refused these whole files.
describe('damaged text exports load line by line instead of being refused', () => {
  it('mixed line endings (one CRLF among LF lines, a lone CR) load every line with its own number', async () => {
    const r = await load(`${HEADER}\n${good(1)}\r\n${good(2)}\n${good(3)}\r${good(4)}\n`);
    expect(r.loaded).toEqual(['2:O1', '3:O2', '4:O3', '5:O4']);
    expect(r.quarantined).toEqual([]);
    expect(r.detected['line_endings']).toBe('mixed (read as LF)');
  });

  it('mixed line endings deep in a big file, past what the sniffer samples', async () => {
    const lines = Array.from({ length: 60_000 }, (_, i) => good(i + 1));
    lines[50_000] += '\r'; // line 50,002 of the file ends in CRLF
    const r = await load(`${HEADER}\n${lines.join('\n')}\n`);
    expect(r.loaded).toHaveLength(60_000);
    expect(r.loaded[50_000]).toBe('50002:O50001');
    expect(r.loaded.at(-1)).toBe('60001:O60000');
  });

  it('an unbalanced quote quarantines the record it opens, not the file', async () => {
    const r = await load(`${HEADER}\n${good(1)}\nC2,"unbalanced,2024-01-03,5.00\n`);
    expect(r.loaded).toEqual(['2:O1']);
    expect(r.quarantined).toEqual(['3:malformed record']);
  });
});

// Also found by the fuzzer: both used to end the load with "unexpected error" (exit 1).
describe('hostile bytes the reader must survive', () => {
  it('a file whose only data line has invalid UTF-8: the line is quarantined, DuckDB is not crashed', async () => {
    await withTempDb(async (conn, dir) => {
      const path = join(dir, 'bad.csv');
      writeFileSync(path, Buffer.concat([Buffer.from(`${HEADER}\n${good(1)}\nc,x,`), Buffer.from([0xd6]), Buffer.from(',b\n')]));
      const s = await loadFiles(conn, [path], { mapping: MAPPING, mappingSource: 'test' });
      expect(s).toMatchObject({ rows_read: 2, loaded: 1, quarantined: 1, quarantine_reasons: { 'invalid text encoding': 1 } });
    });
  });

  it('a NUL byte in a header is renamed, not a SQL error', async () => {
    await withTempDb(async (conn, dir) => {
      const path = join(dir, 'nul.csv');
      writeFileSync(path, `customer_id,order_id,order_date,amount,no\u0000te\n${good(1)},x\n`);
      const s = await loadFiles(conn, [path], { mapping: MAPPING, mappingSource: 'test' });
      expect(s).toMatchObject({ rows_read: 1, loaded: 1 });
    });
  });
});
