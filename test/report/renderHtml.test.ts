import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/renderHtml.js';
import type { ReportData } from '../../src/report/types.js';
import { HOSTILE_SEGMENT, sampleReportData } from './sampleData.js';

/** The page without inline script bodies, i.e. what a browser without JavaScript shows. */
const markupOf = (page: string): string => page.replace(/<script>[\s\S]*?<\/script>/g, '<script></script>');

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' };

/** Roughly what a reader sees: no style or script, tags removed, entities decoded. */
const textOf = (page: string): string =>
  markupOf(page)
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(lt|gt|quot|#39|amp);/g, (e) => ENTITIES[e]!)
    .replace(/\s+/g, ' ');

describe('renderHtml page', () => {
  const page = renderHtml(sampleReportData());
  const markup = markupOf(page);

  it('is a complete English UTF-8 page with a viewport', () => {
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(markup).toContain('<html lang="en">');
    expect(markup).toContain('<meta charset="utf-8">');
    expect(markup).toContain('name="viewport"');
    expect(markup).toContain('@media print');
  });

  it('references nothing outside the file', () => {
    expect(markup).not.toMatch(/<[a-z][^>]*\s(src|href)\s*=\s*"(?!#)/i); // in-page links (contents) only
    expect(markup).not.toMatch(/@import|url\(/i);
    expect(markup).toContain('default-src &#39;none&#39;'); // attribute values are entity-decoded
  });

  it('puts the sections in order', () => {
    const ids = [...markup.matchAll(/<section id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['highlights', 'kpis', 'trend', 'segments', 'rf', 'clusters', 'movement', 'states', 'cohorts', 'value', 'churn', 'clv', 'rules', 'quality', 'models', 'methods']);
    const headings = [...markup.matchAll(/<h2[^>]*>([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual([
      'Highlights', 'Key figures', 'Weekly trend', 'Contents', 'Segments', 'R×F heatmap', 'Clusters', 'Segment movement', 'Customer states and lifecycle stages',
      'Cohort retention', 'Value concentration', 'Churn risk', 'Customer value (CLV)', 'Segment rules', 'Data quality', 'Model quality', 'Methods',
    ]);
  });

  it('states the title, as-of date, window and rules in the header', () => {
    const text = textOf(page);
    expect(markup).toContain('<h1>Customer report</h1>');
    expect(text).toContain('2024-06-30');
    expect(text).toContain('2022-01-03 to 2024-06-29 · 48,211 transactions · 1,270 customers');
    expect(text).toContain('default-rfm');
  });

  it('formats KPI values and changes', () => {
    const text = textOf(page);
    expect(text).toContain('$412,346');
    expect(text).toContain('▲ +$14,346 (+3.6%)');
    expect(text).toContain('▼ −$1.75 (−2.0%)');
    expect(text).toContain('41.2%');
    expect(text).toContain('+1.2 pp');
    expect(text).toContain('38.5 days');
    expect(text).toContain('no change');
    expect(text).toContain('not measured in the previous run'); // a previous run, but not this KPI
    const first = textOf(renderHtml({ ...sampleReportData(), previousRun: null }));
    expect(first).toContain('This is the first run: figures “since the previous run” appear from the next run on.');
  });

  it('puts the as-of date, data window, highlights and KPI tiles first, before any chart', () => {
    const first = markup.slice(0, markup.indexOf('data-chart'));
    expect(first).toContain('<dd class="as-of">2024-06-30</dd>');
    expect(first).toContain('<ul class="highlights">');
    expect(first).toContain('<ul class="kpis">');
    expect(markup.match(/<li class="(good|bad|neutral)" data-highlight=/g)!.length).toBeGreaterThanOrEqual(3);
  });

  it('links the CSV action lists when they were written', () => {
    const lists = [
      { kind: 'worthSaving' as const, file: 'worth-saving.csv', rows: 12 },
      { kind: 'winBack' as const, file: 'win-back.csv', rows: 30 },
      { kind: 'segments' as const, file: 'segments.csv', rows: 1270 },
    ];
    const withLinks = renderHtml(sampleReportData(), { actionLists: lists });
    for (const l of lists) expect(withLinks).toContain(`href="${l.file}" download`);
    expect(textOf(withLinks)).toContain('All 1,270 customers with segment');
    expect(markup).not.toContain('id="actions"'); // nothing to link, no section
  });

  it('explains the rules and methods', () => {
    const text = textOf(page);
    expect(text).toContain('first matching rule wins');
    expect(text).toContain('≤ 12');
    expect(text).toContain('12 < x ≤ 40');
    expect(text).toContain('> 200');
    expect(text).toContain('falls in the lower bin');
  });

  it('shows the heatmap fallback as a 5×5 table', () => {
    const grid = /<table class="grid">([\s\S]*?)<\/table>/.exec(markup)![1]!;
    const rows = grid.split('<tbody>')[1]!.match(/<tr>/g);
    expect(rows).toHaveLength(5);
    expect(grid.match(/<td>/g)).toHaveLength(25);
  });

  it('shows quarantined rows with a total', () => {
    expect(textOf(page)).toMatch(/unparseable date 41 .*Total 77/);
  });
});

describe('renderHtml with empty data', () => {
  const empty = (): ReportData => ({
    ...sampleReportData(),
    previousRun: null,
    kpis: [],
    segments: [],
    rfGrid: [],
    rules: [],
    bins: [],
    loads: [],
    quarantineByReason: [],
    clusters: null,
    dynamics: null,
    models: null,
    trend: null,
  });

  it('says so per section and still renders the rest', () => {
    const page = renderHtml(empty());
    expect(page.match(/No data for this section/g)!.length).toBeGreaterThanOrEqual(6);
    expect(page).toContain('No rows quarantined');
    expect(page).toContain('<h2 id="methods-h">Methods</h2>');
    expect(page).not.toContain('data-chart');
  });

  it('carries no JavaScript when there is no chart to draw', () => {
    expect(renderHtml(empty())).not.toContain('<script');
  });

  it('draws one chart when only one has data', () => {
    const data = { ...sampleReportData(), rfGrid: [], clusters: null, dynamics: null, models: null, trend: null };
    const page = renderHtml(data);
    expect(page.match(/data-chart /g)).toHaveLength(1);
    expect(page).toContain('id="chart-segments"');
  });

  it('shows a hostile name as escaped text in the tables', () => {
    const page = renderHtml(sampleReportData());
    expect(page).toContain('<td>&lt;img src=x onerror=alert(1)&gt;</td>');
    expect(textOf(page)).toContain(HOSTILE_SEGMENT);
  });
});
