import type { DuckDBConnection } from '@duckdb/node-api';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { html, trusted } from './html/tag.js';
import { REPORT_CSS } from './html/styles.js';
import { reportText, type Locale } from './i18n/index.js';

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
 * latest successful run of a date owns the file), in the language of the latest report written.
 *
 * @example await writeIndex(conn, 'reports', 'zh-CN');
 */
export async function writeIndex(conn: DuckDBConnection, outDir: string, locale: Locale = 'en'): Promise<string> {
  const { m: { index: m }, fmt } = reportText(locale);
  const runs = await readRuns(conn);
  const owner = new Map<string, number>();
  for (const r of runs) if (r.status === 'ok' && !owner.has(r.asOf)) owner.set(r.asOf, r.runId);
  const rows = runs.map((r) => {
    const file = join(r.asOf, 'report.html');
    const linked = owner.get(r.asOf) === r.runId && existsSync(resolve(outDir, file));
    return html`<tr><td class="num">${r.runId}</td><td>${linked ? html`<a href="${file}">${r.asOf}</a>` : r.asOf}</td><td>${r.pipeline ?? '—'}</td><td>${r.status}</td><td class="num">${r.customers === null ? '—' : fmt.int(r.customers)}</td><td>${r.finishedAt ?? '—'}</td></tr>`;
  });
  const page = html`<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${m.title}</title><style>${trusted(REPORT_CSS)}</style></head><body><main>
<h1>${m.title}</h1><p>${m.intro}</p>
<div class="table-wrap"><table><caption>${m.caption}</caption><thead><tr><th scope="col" class="num">${m.run}</th><th scope="col">${m.asOf}</th><th scope="col">${m.pipeline}</th><th scope="col">${m.status}</th><th scope="col" class="num">${m.customers}</th><th scope="col">${m.finished}</th></tr></thead>
<tbody>${rows}</tbody></table></div></main></body></html>
`.value;
  const path = resolve(outDir, 'index.html');
  writeFileSync(path + '.tmp', page);
  renameSync(path + '.tmp', path);
  return path;
}
