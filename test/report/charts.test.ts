import { describe, expect, it } from 'vitest';
import { compile, type TopLevelSpec } from 'vega-lite';
import { fullGrid, rfHeatmapChart } from '../../src/report/charts/rfHeatmap.js';
import { segmentSizesChart } from '../../src/report/charts/segmentSizes.js';
import { sampleReportData } from './sampleData.js';

const data = sampleReportData();

/** Every `field` named anywhere in a spec (encodings, tooltips, layers, concat panels). */
function fieldsOf(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(fieldsOf);
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => (k === 'field' && typeof v === 'string' ? [v] : fieldsOf(v)));
}

/** The inline data rows of a spec. */
function valuesOf(spec: TopLevelSpec): Record<string, unknown>[] {
  const d = (spec as { data?: { values?: Record<string, unknown>[] } }).data;
  if (!d?.values) throw new Error('spec has no inline data');
  return d.values;
}

/** Find the first encoding channel with this name anywhere in the spec. */
function channel(node: unknown, name: string): Record<string, unknown> | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  const enc = (node as { encoding?: Record<string, Record<string, unknown>> }).encoding;
  if (enc?.[name]) return enc[name];
  for (const v of Object.values(node)) {
    const found = channel(v, name);
    if (found) return found;
  }
  return undefined;
}

const specs: [string, TopLevelSpec][] = [
  ['segment sizes', segmentSizesChart(data.segments)],
  ['R×F heatmap', rfHeatmapChart(data.rfGrid)],
  ['empty segment sizes', segmentSizesChart([])],
  ['empty R×F heatmap', rfHeatmapChart([])],
];

describe.each(specs)('%s spec', (_name, spec) => {
  it('compiles with vega-lite', () => {
    expect(() => compile(spec)).not.toThrow();
  });

  it('has a title and an accessible description', () => {
    expect(spec.title).toBeTruthy();
    expect(typeof spec.description).toBe('string');
    expect(spec.description!.length).toBeGreaterThan(20);
  });

  it('only encodes fields present in the data', () => {
    const values = valuesOf(spec);
    const keys = new Set(values.flatMap((v) => Object.keys(v)));
    if (values.length > 0) for (const f of fieldsOf(spec)) expect(keys, f).toContain(f);
  });

  it('has a tooltip', () => {
    expect(channel(spec, 'tooltip')).toBeDefined();
  });
});

describe('rfHeatmapChart', () => {
  const spec = rfHeatmapChart(data.rfGrid);

  it('declares all 25 cells, including the empty ones', () => {
    const values = valuesOf(spec);
    expect(values).toHaveLength(25);
    expect(new Set(values.map((v) => `${v.r}:${v.f}`)).size).toBe(25);
    expect(values.find((v) => v.r === 5 && v.f === 1)).toMatchObject({ customers: 0, meanMonetary: null });
    expect(valuesOf(rfHeatmapChart([]))).toHaveLength(25);
  });

  it('uses ordinal axes with the full 1..5 domain', () => {
    const x = channel(spec, 'x')!;
    const y = channel(spec, 'y')!;
    expect(x).toMatchObject({ field: 'r', type: 'ordinal' });
    expect(y).toMatchObject({ field: 'f', type: 'ordinal' });
    expect([...(x.scale as { domain: number[] }).domain].sort()).toEqual([1, 2, 3, 4, 5]);
    expect([...(y.scale as { domain: number[] }).domain].sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('colours by mean monetary and prints the customer count', () => {
    expect(channel(spec, 'color')).toMatchObject({ field: 'meanMonetary', type: 'quantitative' });
    expect(channel(spec, 'text')).toMatchObject({ field: 'customersLabel' });
  });

  it('keeps the data values of the cells it was given', () => {
    const cell = data.rfGrid[0]!;
    const datum = fullGrid(data.rfGrid).find((d) => d.r === cell.r && d.f === cell.f);
    expect(datum).toMatchObject({ customers: cell.customers, meanMonetary: cell.meanMonetary, segment: cell.segment });
  });
});

describe('segmentSizesChart', () => {
  it('sorts segments by customers, largest first, in both panels', () => {
    const spec = segmentSizesChart(data.segments);
    const expected = [...data.segments].sort((a, b) => b.customers - a.customers || a.segment.localeCompare(b.segment));
    expect(valuesOf(spec).map((v) => v.segment)).toEqual(expected.map((s) => s.segment));
    const panels = (spec as { hconcat: { encoding: { y: { sort: string[] } } }[] }).hconcat;
    expect(panels).toHaveLength(2);
    for (const p of panels) expect(p.encoding.y.sort).toEqual(expected.map((s) => s.segment));
  });

  it('shows customers and revenue share', () => {
    const fields = fieldsOf(segmentSizesChart(data.segments));
    expect(fields).toEqual(expect.arrayContaining(['customers', 'revenueShare', 'revenueShareLabel']));
  });

  it('does not mutate its input', () => {
    const segments = data.segments.map((s) => ({ ...s }));
    segmentSizesChart(segments);
    expect(segments).toEqual(data.segments);
  });
});
