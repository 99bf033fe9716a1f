import type { DuckDBConnection } from '@duckdb/node-api';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readReportData } from './readReportData.js';
import { renderHtml } from './renderHtml.js';
import { writeIndex } from './writeIndex.js';

/**
 * Write one run's report to <outDir>/<as-of>/report.html, refresh <outDir>/index.html, and return
 * the report's absolute path. Files are written beside their final name and renamed, so a reader
 * never sees half a report.
 */
export async function writeReport(conn: DuckDBConnection, runId: number, outDir: string): Promise<string> {
  const data = await readReportData(conn, runId);
  const dir = resolve(outDir, data.run.asOf);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'report.html');
  writeFileSync(path + '.tmp', renderHtml(data));
  renameSync(path + '.tmp', path);
  await writeIndex(conn, outDir);
  return path;
}
