// npm run bench [-- --customers N] [--runs R] [--format csv|parquet] [--storage v1.4.0,latest]
// Generates (once, cached under bench/data/) a seeded synthetic log with the fixture generator, as
// CSV and Parquet, then times each stage of the real pipeline over several fresh runs and writes
// bench/results/<customers>-<format>.{json,md}: median, min and max per stage, and peak RSS.
// --storage lists DuckDB storage formats to compare (CRM_STORAGE_VERSION per run); the runs
// alternate between them, so a busy machine slows each format alike.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { writeFixture } from '../fixtures/output.js';
import { SAMPLE_PARAMS } from '../fixtures/synth.js';
import { packageRoot } from '../src/util/paths.js';

const { values } = parseArgs({
  options: { customers: { type: 'string', default: '100000' }, runs: { type: 'string', default: '5' }, format: { type: 'string', default: 'csv' }, storage: { type: 'string', default: 'v1.4.0' } },
  strict: true,
});
const customers = Number(values.customers);
const runs = Number(values.runs);
const format = values.format as 'csv' | 'parquet';
const storages = values.storage.split(',').map((x) => x.trim()).filter(Boolean);
const root = packageRoot();
const dataDir = join(root, 'bench', 'data', String(customers));

async function ensureData(): Promise<void> {
  const csv = join(dataDir, 'transactions.csv');
  if (!existsSync(csv)) {
    mkdirSync(dataDir, { recursive: true });
    process.stderr.write(`generating ${customers} customers into ${dataDir} …\n`);
    writeFixture(dataDir, { ...SAMPLE_PARAMS, customers, seed: 7 });
  }
  // Parquet only when asked for: at 10M customers the CSV alone is 8 GB
  if (format === 'parquet' && !existsSync(join(dataDir, 'transactions.parquet'))) await writeParquet(csv);
}

async function writeParquet(csv: string): Promise<void> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  await conn.run(`COPY (SELECT * REPLACE (strptime(InvoiceDate, '%Y-%m-%d %H:%M') AS InvoiceDate)
    FROM read_csv('${csv}', all_varchar=true))
    TO '${join(dataDir, 'transactions.parquet')}' (FORMAT parquet)`);
  conn.closeSync();
  db.closeSync();
  const mapping = JSON.parse(readFileSync(join(dataDir, 'mapping.json'), 'utf8'));
  delete mapping.date_format;
  writeFileSync(join(dataDir, 'mapping-parquet.json'), JSON.stringify(mapping));
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor((s.length - 1) / 2)]! / 2 + s[Math.ceil((s.length - 1) / 2)]! / 2, min: s[0]!, max: s[s.length - 1]! };
};

await ensureData();
const byStorage = new Map<string, Record<string, number>[]>(storages.map((v) => [v, []]));
for (let i = 0; i < runs; i++) {
  for (const storage of storages) {
    const work = mkdtempSync(join(tmpdir(), 'crm-bench-'));
    try {
      const env = { ...process.env, CRM_STORAGE_VERSION: storage };
      const out = execFileSync(process.execPath, [join(root, 'dist', 'bench', 'runOnce.js'), dataDir, format, work], { encoding: 'utf8', env });
      const result = JSON.parse(out.trim().split('\n').pop()!) as Record<string, number>;
      // DuckDB's floor for the same work, right after, in its own process (CSV only)
      if (format === 'csv') {
        const floor = execFileSync(process.execPath, [join(root, 'dist', 'bench', 'floorOnce.js'), dataDir, work], { encoding: 'utf8', env });
        Object.assign(result, JSON.parse(floor.trim().split('\n').pop()!));
      }
      byStorage.get(storage)!.push(result);
      process.stderr.write(`run ${i + 1}/${runs} (storage ${storage}): ${(result['total']! / 1000).toFixed(2)} s\n`);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
}
const first = byStorage.get(storages[0]!)!;
const keys = Object.keys(first[0]!).filter((k) => !['rows', 'customers'].includes(k));
const tables = Object.fromEntries(storages.map((v) => [v, Object.fromEntries(keys.map((k) => [k, stats(byStorage.get(v)!.map((r) => r[k]!))]))]));
const summary = { customers: first[0]!['customers'], rows: first[0]!['rows'], format, runs, storages, stages: tables[storages[0]!], byStorage: tables, raw: Object.fromEntries(byStorage) };
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
const name = `${customers}-${format}`;
writeFileSync(join(root, 'bench', 'results', `${name}.json`), JSON.stringify(summary, null, 2));
const fmt = (k: string, v: number) => (k.endsWith('_mb') ? `${v.toFixed(0)} MB` : `${(v / 1000).toFixed(3)} s`);
const cell = (v: string, k: string) => { const s = tables[v]![k]!; return `${fmt(k, s.median)} (${fmt(k, s.min)}–${fmt(k, s.max)})`; };
const md = [
  `### ${summary.customers} customers, ${summary.rows} transaction lines, ${format} (${runs} runs; median (min–max))`,
  '',
  `| stage | ${storages.map((v) => `storage ${v}`).join(' | ')} |`,
  `|---|${storages.map(() => '---').join('|')}|`,
  ...keys.map((k) => `| ${k} | ${storages.map((v) => cell(v, k)).join(' | ')} |`),
].join('\n');
// each stage against its floor, from the medians of the same runs
const ratio = (stage: string, floor: string, v: string): string => {
  const a = tables[v]![stage]?.median;
  const b = tables[v]![floor]?.median;
  return a !== undefined && b ? `${(a / b).toFixed(2)}×` : '—';
};
const floors = format !== 'csv' ? [] : [
  '',
  `| floor ratio (median / median) | ${storages.map((v) => `storage ${v}`).join(' | ')} |`,
  `|---|${storages.map(() => '---').join('|')}|`,
  `| load / floor_load | ${storages.map((v) => ratio('load', 'floor_load', v)).join(' | ')} |`,
  `| summary / floor_summary | ${storages.map((v) => ratio('summary', 'floor_summary', v)).join(' | ')} |`,
];
writeFileSync(join(root, 'bench', 'results', `${name}.md`), [md, ...floors].join('\n') + '\n');
process.stdout.write(floors.join('\n') + '\n');
process.stdout.write(md + '\n');
