import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The report and the CSV lists beside it, with their sizes. */
export interface ReportFile {
  name: string;
  path: string;
  bytes: number;
}

/**
 * report.html and the *.csv action lists in its folder, report first.
 * @example reportFiles('/srv/reports/2024-06-30/report.html').map((f) => f.name) // ['report.html', 'segments.csv', …]
 */
export function reportFiles(reportPath: string): ReportFile[] {
  const dir = dirname(reportPath);
  const csvs = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort();
  return [basename(reportPath), ...csvs].map((name) => ({ name, path: join(dir, name), bytes: statSync(join(dir, name)).size }));
}

/**
 * Where a reader opens the report: <reportUrl>/<as-of>/report.html when the folder is published,
 * else the file's own URL (useful on a shared drive, not from outside).
 * @example reportLocation('/srv/reports/2024-06-30/report.html', 'https://intranet/reports') // 'https://intranet/reports/2024-06-30/report.html'
 */
export function reportLocation(reportPath: string, reportUrl: string | null): string {
  if (reportUrl === null) return pathToFileURL(reportPath).href;
  return `${reportUrl}/${basename(dirname(reportPath))}/${basename(reportPath)}`;
}

/** Bytes as a reader says them (1.2 MB). */
export const formatBytes = (n: number): string => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : n >= 1e3 ? `${(n / 1e3).toFixed(0)} kB` : `${n} B`);
