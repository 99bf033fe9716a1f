import { describe, expect, it } from 'vitest';
import { emptyScoreNotes } from '../../src/report/html/heatmap.js';
import { renderTable } from '../../src/report/html/table.js';
import { html } from '../../src/report/html/tag.js';
import { tocEntries, withContents } from '../../src/report/html/toc.js';
import { paretoCurveChart } from '../../src/report/charts/paretoCurve.js';
import { segmentSizesChart } from '../../src/report/charts/segmentSizes.js';
import { EN, reportText } from '../../src/report/i18n/index.js';
import type { BinRow, RfCell } from '../../src/report/types.js';
import { sampleReportData } from './sampleData.js';

describe('table of contents', () => {
  it('lists every section heading in order, titles as rendered', () => {
    const body = html`<section id="a"><h2 id="a-h">A &amp; B</h2></section><section id="b"><h2 id="b-h">B</h2><h3>not a section</h3></section>`;
    expect(tocEntries(body)).toEqual([{ id: 'a', titleHtml: 'A &amp; B' }, { id: 'b', titleHtml: 'B' }]);
    const page = withContents(body, EN).value;
    expect(page).toMatch(/^<nav class="toc"[\s\S]*<a href="#a">A &amp; B<\/a>[\s\S]*<a href="#b">B<\/a>[\s\S]*<\/nav>\n<section id="a">/);
    expect(withContents(html`<p>x</p>`, EN).value).toBe('<p>x</p>');
  });
});

describe('tables', () => {
  const rows = [{ v: 4727 }, { v: 863.6 }];
  it('format a money column alike, from all its values and the footer', () => {
    const out = renderTable('Money', [{ header: 'V', money: (r: { v: number }) => r.v }], rows, { foot: { v: 5590.6 } }).value;
    expect(out).toContain('<td class="num">$864</td>');
    expect(out).toContain('<td class="num">$5,591</td>');
    const small = renderTable('Money', [{ header: 'V', money: (r: { v: number }) => r.v }], [{ v: 12.5 }, { v: 3 }]).value;
    expect(small).toContain('<td class="num">$3.00</td>');
  });

  it('fold under a summary naming the table and its row count when asked', () => {
    const out = renderTable('Loads', [{ header: 'V', cell: (r: { v: number }) => r.v }], rows, { collapse: true }).value;
    expect(out).toMatch(/^<details class="more"><summary>Show the table: Loads \(2 rows\)<\/summary><div class="table-wrap"><table>/);
    expect(renderTable('Loads', [{ header: 'V', cell: (r: { v: number }) => r.v }], rows).value).not.toContain('<details');
  });
});

describe('empty heatmap scores', () => {
  const cells: RfCell[] = [1, 2, 3, 4, 5].flatMap((r) => [1, 3, 4, 5].map((f) => ({ r, f, customers: 10, meanMonetary: 50, segment: 'X' })));
  const tie: BinRow = { metric: 'frequency', score: 2, lower: 1, upper: 1, customers: 0 };

  it('explain an empty frequency row by the tie at its edge, in place', () => {
    const note = emptyScoreNotes(cells, [tie], EN)!.value;
    expect(note).toContain('Why F 2 is empty');
    expect(note).toContain('Frequency (orders) = 1');
    expect(emptyScoreNotes(cells, [tie], reportText('zh-CN', 'USD'))!.value).toContain('为什么 F 2 为空');
    expect(emptyScoreNotes(cells, [], EN)!.value).toContain('F 2 is empty: no customer has a value');
  });

  it('say nothing when every score has customers', () => {
    const full = [...cells, ...[1, 2, 3, 4, 5].map((r) => ({ r, f: 2, customers: 1, meanMonetary: 5, segment: 'X' }))];
    expect(emptyScoreNotes(full, [], EN)).toBeNull();
  });
});

describe('chart details', () => {
  const data = sampleReportData();
  it('ends the value-concentration axes at 100%', () => {
    const spec = paretoCurveChart(data.dynamics!.pareto) as unknown as { layer: { encoding: Record<string, { scale?: { domain?: number[] } }> }[] };
    for (const layer of spec.layer) for (const ch of ['x', 'y']) expect(layer.encoding[ch]!.scale!.domain).toEqual([0, 1]);
  });

  it('uses whole-number ticks for customer counts and fits the page width', () => {
    const spec = segmentSizesChart(data.segments) as unknown as { hconcat: { encoding: { x: { axis: { format: string; tickMinStep?: number } } } }[]; usermeta: unknown };
    expect(spec.hconcat[0]!.encoding.x.axis).toMatchObject({ format: ',d', tickMinStep: 1 });
    expect(spec.usermeta).toMatchObject({ fitPanels: { fixed: expect.any(Number) } });
  });
});
