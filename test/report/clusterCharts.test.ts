import { describe, expect, it } from 'vitest';
import { compile, type TopLevelSpec } from 'vega-lite';
import { CLUSTER_COLORS, clusterLabel, clusterScatterChart } from '../../src/report/charts/clusterScatter.js';
import { silhouetteByKChart } from '../../src/report/charts/silhouetteByK.js';
import { clusters } from './sampleData.js';

const data = clusters(1000);

/** Every `field` named anywhere in a spec. */
function fieldsOf(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(fieldsOf);
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => (k === 'field' && typeof v === 'string' ? [v] : fieldsOf(v)));
}

const valuesOf = (spec: TopLevelSpec): Record<string, unknown>[] => (spec as { data: { values: Record<string, unknown>[] } }).data.values;

/** The first encoding channel with this name anywhere in the spec. */
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
  ['cluster scatter', clusterScatterChart(data.profiles, data.sample)],
  ['silhouette by k', silhouetteByKChart(data.silhouette)],
  ['empty cluster scatter', clusterScatterChart([], [])],
  ['empty silhouette by k', silhouetteByKChart([])],
];

describe.each(specs)('%s spec', (_name, spec) => {
  it('compiles with vega-lite', () => {
    expect(() => compile(spec)).not.toThrow();
  });

  it('has a title, an accessible description and a tooltip', () => {
    expect(spec.title).toBeTruthy();
    expect(spec.description!.length).toBeGreaterThan(20);
    expect(channel(spec, 'tooltip')).toBeDefined();
  });

  it('only encodes fields present in the data', () => {
    const values = valuesOf(spec);
    const keys = new Set(values.flatMap((v) => Object.keys(v)));
    if (values.length > 0) for (const f of fieldsOf(spec)) expect(keys, f).toContain(f);
  });
});

describe('clusterScatterChart', () => {
  const spec = clusterScatterChart(data.profiles, data.sample);

  it('plots every sampled customer, recency against spend on symlog scales', () => {
    expect(valuesOf(spec)).toHaveLength(data.sample.length);
    expect(channel(spec, 'x')).toMatchObject({ field: 'recencyDays', type: 'quantitative', scale: { type: 'symlog' } });
    expect(channel(spec, 'y')).toMatchObject({ field: 'monetary', type: 'quantitative', scale: { type: 'symlog' } });
  });

  it('colours by cluster with one fixed colour per id, in id order', () => {
    const color = channel(spec, 'color') as { field: string; scale: { domain: string[]; range: string[] } };
    expect(color.field).toBe('cluster');
    expect(color.scale.domain).toEqual(data.profiles.map((p) => clusterLabel(p)));
    expect(color.scale.range).toEqual(data.profiles.map((p) => CLUSTER_COLORS[p.cluster]));
    const first = data.sample[0]!;
    expect(valuesOf(spec)[0]).toMatchObject({ customerId: first.customerId, cluster: clusterLabel(data.profiles[first.cluster]!) });
  });

  it('keeps tick values inside the data range, mirrored below zero for net refunds', () => {
    const ticks = (ch: string): number[] => (channel(spec, ch) as { axis: { values: number[] } }).axis.values;
    const max = Math.max(...data.sample.map((c) => c.monetary));
    const min = Math.min(...data.sample.map((c) => c.monetary));
    expect(min).toBeLessThan(-10);
    expect(Math.max(...ticks('y'))).toBeLessThanOrEqual(max);
    expect(Math.min(...ticks('y'))).toBeGreaterThanOrEqual(min);
    expect(ticks('y')).toContain(0);
    expect(ticks('y').some((t) => t < 0)).toBe(true);
    expect(ticks('x')[0]).toBe(0);
  });

  it('does not mutate its input', () => {
    const sample = data.sample.map((c) => ({ ...c }));
    clusterScatterChart(data.profiles, sample);
    expect(sample).toEqual(data.sample);
  });
});

describe('silhouetteByKChart', () => {
  it('has one point per k in ascending order, and marks the chosen k', () => {
    const spec = silhouetteByKChart([...data.silhouette].reverse());
    const values = valuesOf(spec);
    expect(values.map((v) => v['k'])).toEqual([3, 4, 5, 6, 7, 8]);
    expect(values.filter((v) => v['chosen']).map((v) => v['k'])).toEqual([4]);
    expect(channel(spec, 'x')).toMatchObject({ field: 'k' });
    expect(channel(spec, 'y')).toMatchObject({ field: 'silhouette', type: 'quantitative' });
  });

  it('leaves out a k whose silhouette is undefined', () => {
    const spec = silhouetteByKChart([{ k: 2, silhouette: null, chosen: true, minShare: null, eligible: null }, { k: 3, silhouette: 0.2, chosen: false, minShare: 0.1, eligible: true }]);
    expect(valuesOf(spec)[0]).toMatchObject({ k: 2, silhouette: null, silhouetteLabel: '—' });
    expect(JSON.stringify(spec.transform ?? (spec as { transform?: unknown }).transform)).toContain('datum.silhouette !== null');
    expect(() => compile(spec)).not.toThrow();
  });
});
