import type { DuckDBConnection } from '@duckdb/node-api';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeActionLists } from './actionLists.js';
import type { Locale } from './i18n/index.js';
import { readReportData } from './readReportData.js';
import { renderHtml } from './renderHtml.js';
import { writeIndex } from './writeIndex.js';

/** Options of writeReport. */
export interface WriteReportOptions {
  /** Language of the report's labels and texts; default 'en'. */
  locale?: Locale;
}

/**
 * Write one run's report to <outDir>/<as-of>/report.html with its CSV action lists beside it
 * (worth-saving.csv, win-back.csv, segments.csv), refresh <outDir>/index.html, and return
 * the report's absolute path. Files are written beside their final name and renamed, so a reader
 * never sees half a report.
 *
 * @example const path = await writeReport(conn, runId, 'reports', { locale: 'zh-CN' });
 */
export async function writeReport(conn: DuckDBConnection, runId: number, outDir: string, options: WriteReportOptions = {}): Promise<string> {
  const data = await readReportData(conn, runId);
  const dir = resolve(outDir, data.run.asOf);
  mkdirSync(dir, { recursive: true });
  const actionLists = await writeActionLists(conn, runId, dir);
  const path = join(dir, 'report.html');
  writeFileSync(path + '.tmp', renderHtml(data, { actionLists, ...(options.locale ? { locale: options.locale } : {}) }));
  renameSync(path + '.tmp', path);
  await writeIndex(conn, outDir, options.locale);
  return path;
}
