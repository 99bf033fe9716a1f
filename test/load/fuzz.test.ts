import type { DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/load/loadFiles.js';
import type { Mapping } from '../../src/load/mapping.js';
import { CrmError } from '../../src/util/error.js';
import { rows, withTempDb } from '../helpers/db.js';

/**
 * Property-based loader fuzzing: hostile files never crash or hang the loader, every row read is
 * accounted for, every quarantined row names its file and line, and a refused file writes nothing.
 * CI runs CRM_FUZZ_RUNS (default 60) cases from a fixed seed; developers explore more, e.g.
 *   CRM_FUZZ_SEED=random CRM_FUZZ_RUNS=2000 npx vitest run test/load/fuzz.test.ts
 * A failure prints fast-check's seed and shrunk counterexample; replay it with CRM_FUZZ_SEED=<seed>.
 */
const RUNS = Number(process.env['CRM_FUZZ_RUNS'] ?? 60);
// A fixed seed by default, so CI is repeatable; CRM_FUZZ_SEED=random (or a number) explores further.
// Seed 20261204 reached the two bugs this fuzzer found last (a line of invalid UTF-8 crashing
// DuckDB's reader when one column is read, and a NUL byte in a header): both fixed in stageCsv.ts.
const SEED = process.env['CRM_FUZZ_SEED'] === 'random' ? undefined : Number(process.env['CRM_FUZZ_SEED'] ?? 20261204);
const HANG_MS = 30_000;

const MAPPING: Mapping = {
  columns: { customer_id: 'customer_id', order_id: 'order_id', order_date: 'order_date', amount: 'amount' },
} as Mapping;
const HEADER = 'customer_id,order_id,order_date,amount';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const cat = (parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) out.set(p, (at += p.length) - p.length);
  return out;
};

/** Field values real exports and hostile ones contain. */
const field: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('C001', 'c001 ', ' C002', 'O-17', '2024-03-01', '2024-03-01 10:00', '03/01/2024', '1.5e3', '12.50', '-3', '1,250.00', '(12,50)', '$4', 'NaN', '', '0', '9.23228E+11', '2024-02-30', '1899-01-01', '99999-01-01').map(enc) },
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }).map(enc) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }).map(enc) },
  { weight: 1, arbitrary: fc.constantFrom('"unbalanced', 'a"b', '"x""y"', '"multi\nline"', 'nul\u0000byte', '\t', ';', '|').map(enc) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 8 }) }, // invalid UTF-8 in any column
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 200_000 }).map((n) => enc('x'.repeat(n))) }, // huge fields
);
const eol = fc.constantFrom('\n', '\r\n', '\r');
/** A line of 0..6 fields (ragged rows) and its line ending. */
const line = fc.tuple(fc.array(field, { maxLength: 6 }), eol).map(([fs, end]) => cat([...fs.flatMap((f, i) => (i ? [enc(','), f] : [f])), enc(end)]));
/** A well-formed purchase line, as most lines of a real export are. */
const valid = fc
  .tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: -5_000, max: 99_999 }), eol)
  .map(([c, o, m, d, cents, end]) => enc(`C${c},O${o},2024-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')},${(cents / 100).toFixed(2)}${end}`));
const file: fc.Arbitrary<Uint8Array> = fc.oneof(
  // an export with some damaged lines among good ones: bad lines are quarantined, never the file
  { weight: 6, arbitrary: fc.array(fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: line }), { minLength: 1, maxLength: 40 }).map((ls) => cat([enc(HEADER + '\n'), ...ls])) },
  // nothing but damage, with or without a header
  { weight: 2, arbitrary: fc.tuple(fc.boolean(), fc.array(line, { maxLength: 30 })).map(([header, ls]) => cat([...(header ? [enc(HEADER + '\n')] : []), ...ls])) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 400 }) }, // random bytes
  { weight: 1, arbitrary: fc.constantFrom(new Uint8Array(0), enc(HEADER), enc(HEADER + '\n'), enc(HEADER + '\r\n'), enc('\uFEFF' + HEADER + '\n')) },
);

const count = async (conn: DuckDBConnection, sql: string): Promise<number> => Number((await rows(conn, sql))[0]!['n']);

/** Load one file and check what the loader promises, whatever the bytes. */
async function checkOne(conn: DuckDBConnection, path: string): Promise<'loaded' | 'refused'> {
  const before = await count(conn, 'SELECT count(*) AS n FROM transactions');
  const loadsBefore = await count(conn, 'SELECT count(*) AS n FROM loads');
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`loader hung over ${HANG_MS} ms`)), HANG_MS)));
  try {
    const s = await Promise.race([loadFiles(conn, [path], { mapping: MAPPING, mappingSource: 'fuzz mapping' }), hang]);
    const f = s.files[0]!;
    expect(f.rowsRead).toBe(f.loaded + f.duplicates + f.excluded + f.quarantined);
    expect(await count(conn, 'SELECT count(*) AS n FROM transactions')).toBe(before + f.loaded);
    const q = await rows(conn, `SELECT source_file, source_line, reason FROM quarantine WHERE load_id = ${f.loadId}`);
    expect(q).toHaveLength(f.quarantined);
    for (const r of q) {
      expect(basename(String(r['source_file']))).toBe(basename(path));
      expect(Number(r['source_line'])).toBeGreaterThanOrEqual(1);
      expect(String(r['reason']).length).toBeGreaterThan(0);
    }
    return 'loaded';
  } catch (err) {
    // a refusal is fine when it is an input error naming the file, and nothing was written
    if (!(err instanceof CrmError) || err.kind !== 'input') throw err;
    expect(err.message).toContain(basename(path));
    expect(await count(conn, 'SELECT count(*) AS n FROM transactions')).toBe(before);
    expect(await count(conn, 'SELECT count(*) AS n FROM loads')).toBe(loadsBefore);
    return 'refused';
  } finally {
    clearTimeout(timer);
  }
}

describe('loader fuzzing (fast-check)', () => {
  it(`${RUNS} hostile files: no crash or hang, rows_read = loaded + duplicates + excluded + quarantined, quarantine names file and line`, async () => {
    await withTempDb(async (conn, dir) => {
      let i = 0;
      const outcomes = { loaded: 0, refused: 0 };
      await fc.assert(
        fc.asyncProperty(file, async (bytes) => {
          const path = join(dir, `fuzz-${i++}.csv`);
          writeFileSync(path, bytes);
          outcomes[await checkOne(conn, path)]++;
        }),
        { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }), endOnFailure: true },
      );
      // the generator must reach both sides, or the property says little
      expect(outcomes.loaded).toBeGreaterThan(RUNS / 4);
      expect(outcomes.loaded + outcomes.refused).toBe(RUNS);
    });
  }, 600_000);
});
