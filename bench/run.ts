// npm run bench [-- --customers N] [--runs R] [--format csv|parquet]
// Generates (once, cached under bench/data/) a seeded synthetic log with the fixture generator, as
// CSV and Parquet, then times each stage of the real pipeline over several fresh runs and writes
// bench/results/<customers>-<format>.{json,md}: median, min and max per stage, and peak RSS.
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
  options: { customers: { type: 'string', default: '100000' }, runs: { type: 'string', default: '5' }, format: { type: 'string', default: 'csv' } },
  strict: true,
});
const customers = Number(values.customers);
const runs = Number(values.runs);
const format = values.format as 'csv' | 'parquet';
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
const results: Record<string, number>[] = [];
for (let i = 0; i < runs; i++) {
  const work = mkdtempSync(join(tmpdir(), 'crm-bench-'));
  try {
    const out = execFileSync(process.execPath, [join(root, 'dist', 'bench', 'runOnce.js'), dataDir, format, work], { encoding: 'utf8' });
    results.push(JSON.parse(out.trim().split('\n').pop()!));
    process.stderr.write(`run ${i + 1}/${runs}: ${(results.at(-1)!['total']! / 1000).toFixed(2)} s\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
const keys = Object.keys(results[0]!).filter((k) => !['rows', 'customers'].includes(k));
const table = Object.fromEntries(keys.map((k) => [k, stats(results.map((r) => r[k]!))]));
const summary = { customers: results[0]!['customers'], rows: results[0]!['rows'], format, runs, stages: table, raw: results };
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
const name = `${customers}-${format}`;
writeFileSync(join(root, 'bench', 'results', `${name}.json`), JSON.stringify(summary, null, 2));
const fmt = (k: string, v: number) => (k === 'peak_rss_mb' ? `${v.toFixed(0)} MB` : `${(v / 1000).toFixed(3)} s`);
const md = [
  `### ${summary.customers} customers, ${summary.rows} transaction lines, ${format} (${runs} runs)`,
  '',
  '| stage | median | min | max |',
  '|---|---|---|---|',
  ...keys.map((k) => `| ${k} | ${fmt(k, table[k]!.median)} | ${fmt(k, table[k]!.min)} | ${fmt(k, table[k]!.max)} |`),
].join('\n');
writeFileSync(join(root, 'bench', 'results', `${name}.md`), md + '\n');
process.stdout.write(md + '\n');
