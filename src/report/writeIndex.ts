import type { DuckDBConnection } from '@duckdb/node-api';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { html, trusted } from './html/tag.js';
import { REPORT_CSS } from './html/styles.js';
import { formatInt } from './format.js';

interface RunRow {
  runId: number;
  asOf: string;
  pipeline: string | null;
  status: string;
  customers: number | null;
  finishedAt: string | null;
}

/** The runs table as index rows, newest first. */
async function readRuns(conn: DuckDBConnection): Promise<RunRow[]> {
  const r = await conn.runAndReadAll(
    `SELECT run_id, as_of::VARCHAR, pipeline, status, customers, strftime(finished_at, '%Y-%m-%d %H:%M') FROM runs ORDER BY as_of DESC, run_id DESC`,
  );
  return r.getRows().map(([id, asOf, pipeline, status, customers, finished]) => ({
    runId: Number(id), asOf: String(asOf), pipeline: pipeline === null ? null : String(pipeline), status: String(status),
    customers: customers === null ? null : Number(customers), finishedAt: finished === null ? null : String(finished),
  }));
}

/**
 * reports/index.html: every run with a link to its report (reports are per as-of date; the
 * latest successful run of a date owns the file).
 */
export async function writeIndex(conn: DuckDBConnection, outDir: string): Promise<string> {
  const runs = await readRuns(conn);
  const owner = new Map<string, number>();
  for (const r of runs) if (r.status === 'ok' && !owner.has(r.asOf)) owner.set(r.asOf, r.runId);
  const rows = runs.map((r) => {
    const file = join(r.asOf, 'report.html');
    const linked = owner.get(r.asOf) === r.runId && existsSync(resolve(outDir, file));
    return html`<tr><td class="num">${r.runId}</td><td>${linked ? html`<a href="${file}">${r.asOf}</a>` : r.asOf}</td><td>${r.pipeline ?? '—'}</td><td>${r.status}</td><td class="num">${r.customers === null ? '—' : formatInt(r.customers)}</td><td>${r.finishedAt ?? '—'}</td></tr>`;
  });
  const page = html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Customer reports</title><style>${trusted(REPORT_CSS)}</style></head><body><main>
<h1>Customer reports</h1><p>Every analysis run, newest first. A report is kept per as-of date.</p>
<div class="table-wrap"><table><caption>Runs</caption><thead><tr><th scope="col" class="num">Run</th><th scope="col">As of</th><th scope="col">Pipeline</th><th scope="col">Status</th><th scope="col" class="num">Customers</th><th scope="col">Finished (UTC)</th></tr></thead>
<tbody>${rows}</tbody></table></div></main></body></html>
`.value;
  const path = resolve(outDir, 'index.html');
  writeFileSync(path + '.tmp', page);
  renameSync(path + '.tmp', path);
  return path;
}
