// DuckDB's own cost for the work a pipeline stage does, on the same file in the same bench run
// (the "floor" each stage is compared with). Its own process, so the pipeline's peak RSS is not
// mixed in. Usage: node dist/bench/floorOnce.js DATA_DIR WORK_DIR  → one JSON line on stdout
//   floor_load:    CREATE TABLE AS SELECT * FROM read_csv(…) into a database file, types sniffed
//                  (what persisting the export costs with no validation at all)
//   floor_summary: the per-customer GROUP BY of the summary (distinct days, first, last, net)
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const [dataDir, workDir] = process.argv.slice(2) as [string, string];
const csv = join(dataDir, 'transactions.csv').replaceAll("'", "''");
const db = await DuckDBInstance.create(join(workDir, 'floor.duckdb'), { memory_limit: '1GB' });
const conn = await db.connect();
const time = async (sql: string): Promise<number> => {
  const t = performance.now();
  await conn.run(sql);
  return performance.now() - t;
};
const out: Record<string, number> = {};
out['floor_load'] = await time(`CREATE TABLE t AS SELECT * FROM read_csv('${csv}', timestampformat='%Y-%m-%d %H:%M'); CHECKPOINT`);
out['floor_summary'] = await time(
  `CREATE TEMP TABLE s AS SELECT CustomerID, count(DISTINCT InvoiceDate::DATE) AS days, min(InvoiceDate) AS first, max(InvoiceDate) AS last,
     sum(Quantity * UnitPrice) AS net FROM t GROUP BY CustomerID`,
);
conn.closeSync();
db.closeSync();
process.stdout.write(JSON.stringify(out) + '\n');
