import type { DuckDBConnection } from '@duckdb/node-api';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { html, trusted, type SafeHtml } from './html/tag.js';
import { REPORT_CSS } from './html/styles.js';
import { reportText, type Locale, type ReportText } from './i18n/index.js';
import { KPI_WINDOW_DAYS } from './readKpis.js';
import { readRunTrend, type RunPoint } from './trend/readRunTrend.js';
import { runsChart } from './trend/runsChart.js';

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

/** A report's file relative to the index, when the run owns one that exists. */
type ReportLink = (runId: number, asOf: string) => string | null;

/**
 * reports/index.html: the trend across runs (net revenue and active customers over the KPI window
 * of each as-of date's latest successful run, as inline SVG charts and a table) and every run with
 * a link to its report (reports are per as-of date; the latest successful run of a date owns the
 * file), in the language of the latest report written. No JavaScript: it opens anywhere.
 *
 * @example await writeIndex(conn, 'reports', 'zh-CN');
 */
export async function writeIndex(conn: DuckDBConnection, outDir: string, locale: Locale = 'en'): Promise<string> {
  const t = reportText(locale);
  const { m: { index: m }, fmt } = t;
  const runs = await readRuns(conn);
  const owner = new Map<string, number>();
  for (const r of runs) if (r.status === 'ok' && !owner.has(r.asOf)) owner.set(r.asOf, r.runId);
  const link: ReportLink = (runId, asOf) => {
    const file = join(asOf, 'report.html');
    return owner.get(asOf) === runId && existsSync(resolve(outDir, file)) ? file : null;
  };
  const rows = runs.map((r) => {
    const file = link(r.runId, r.asOf);
    return html`<tr><td class="num">${r.runId}</td><td>${file ? html`<a href="${file}">${r.asOf}</a>` : r.asOf}</td><td>${r.pipeline ?? '—'}</td><td>${r.status}</td><td class="num">${r.customers === null ? '—' : fmt.int(r.customers)}</td><td>${r.finishedAt ?? '—'}</td></tr>`;
  });
  const page = html`<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${m.title}</title><style>${trusted(REPORT_CSS)}</style></head><body><main>
<h1>${m.title}</h1>
${acrossRuns(await readRunTrend(conn, KPI_WINDOW_DAYS), link, t)}
<section id="runs"><p>${m.intro}</p>
<div class="table-wrap"><table><caption>${m.caption}</caption><thead><tr><th scope="col" class="num">${m.run}</th><th scope="col">${m.asOf}</th><th scope="col">${m.pipeline}</th><th scope="col">${m.status}</th><th scope="col" class="num">${m.customers}</th><th scope="col">${m.finished}</th></tr></thead>
<tbody>${rows}</tbody></table></div></section></main></body></html>
`.value;
  const path = resolve(outDir, 'index.html');
  writeFileSync(path + '.tmp', page);
  renameSync(path + '.tmp', path);
  return path;
}

/** The trend across runs: two inline SVG charts and the table behind them, oldest run first. */
function acrossRuns(points: readonly RunPoint[], link: ReportLink, t: ReportText): SafeHtml | null {
  const { m: { index: m }, fmt } = t;
  if (points.length === 0) return null;
  const days = fmt.int(points.at(-1)!.windowDays);
  // each run's revenue in its own currency (runs analyse one currency each)
  const money = (v: number | null, p: RunPoint): string => (v === null ? '—' : reportText(t.locale, p.currency).fmt.money(v));
  const count = (v: number | null): string => (v === null ? '—' : fmt.int(v));
  const chart = (title: string, value: (p: RunPoint) => number | null, text: (v: number | null, p: RunPoint) => string): SafeHtml => {
    const cps = points.map((p) => ({ label: p.asOf, value: value(p), text: text(value(p), p) }));
    return runsChart(title, cps, m.chartAria(title, fmt.int(points.length), cps.map((c) => `${c.label} ${c.text}`).join(', ')));
  };
  return html`<section id="across-runs" aria-labelledby="across-runs-h"><h2 id="across-runs-h">${m.trendTitle}</h2>
<p>${m.trendIntro(days)}</p>
<div class="runs-charts">${chart(m.revenue(days), (p) => p.revenue, money)}${chart(m.active(days), (p) => p.activeCustomers, count)}</div>
<div class="table-wrap"><table class="compact"><caption>${m.trendCaption}</caption><thead><tr><th scope="col">${m.asOf}</th><th scope="col" class="num">${m.run}</th><th scope="col" class="num">${m.revenue(days)}</th><th scope="col" class="num">${m.active(days)}</th><th scope="col">${m.report}</th></tr></thead>
<tbody>${points.map((p) => {
    const file = link(p.runId, p.asOf);
    return html`<tr data-run="${p.runId}"><td>${p.asOf}</td><td class="num">${p.runId}</td><td class="num">${money(p.revenue, p)}</td><td class="num">${count(p.activeCustomers)}</td><td>${file ? html`<a href="${file}">${m.open}</a>` : '—'}</td></tr>`;
  })}</tbody></table></div></section>`;
}
