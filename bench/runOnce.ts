// One measured pipeline run in its own process, so peak RSS is this run's alone.
// Usage: node dist/bench/runOnce.js DATA_DIR FORMAT(csv|parquet) WORK_DIR  → one JSON line on stdout
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../src/analyze/analyze.js';
import { loadFiles } from '../src/load/loadFiles.js';
import { readMapping } from '../src/load/mapping.js';
import { writeReport } from '../src/report/writeReport.js';
import { withDatabase } from '../src/store/database.js';
import { snapshotPathOf } from '../src/store/snapshot.js';

const [dataDir, format, workDir] = process.argv.slice(2) as [string, 'csv' | 'parquet', string];
const file = join(dataDir, format === 'csv' ? 'transactions.csv' : 'transactions.parquet');
const mapping = readMapping(join(dataDir, format === 'csv' ? 'mapping.json' : 'mapping-parquet.json'));

const stages: Record<string, number> = {};
const t0 = performance.now();
let t = performance.now();
await withDatabase(join(workDir, 'bench.duckdb'), {}, async (conn) => {
  t = performance.now();
  const load = await loadFiles(conn, [file], { mapping, mappingSource: 'bench' });
  stages['load'] = performance.now() - t;
  const run = await analyze(conn, {});
  Object.assign(stages, run.timings);
  t = performance.now();
  await writeReport(conn, run.runId, join(workDir, 'reports'));
  stages['report'] = performance.now() - t;
  stages['rows'] = load.loaded;
  stages['customers'] = run.customers;
  t = performance.now();
});
// checkpoint, close and publish the readers' snapshot (a copy of the file), as every writing command ends
stages['publish'] = performance.now() - t;
stages['db_mb'] = statSync(join(workDir, 'bench.duckdb')).size / 1e6;
stages['snapshot_mb'] = statSync(snapshotPathOf(join(workDir, 'bench.duckdb'))).size / 1e6;
stages['total'] = performance.now() - t0;
stages['peak_rss_mb'] = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify(stages) + '\n');
