import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { cohortTriangleChart } from '../../src/report/charts/cohortTriangle.js';
import { moveMatrixChart } from '../../src/report/charts/moveMatrix.js';
import { paretoCurveChart } from '../../src/report/charts/paretoCurve.js';
import { dynamicsSections, STATE_ORDER } from '../../src/report/dynamics/sections.js';
import { sampleDynamics } from './sampleDynamics.js';

const d = sampleDynamics();

describe('dynamics chart specs', () => {
  it('the move matrix has every from/to category on its axes, in the given order, and compiles', () => {
    const spec = moveMatrixChart(d.stateMoves, { title: 'State flows', subtitle: 's', from: 'Before', to: 'Now', order: STATE_ORDER }) as any;
    expect(spec.title.text).toBe('State flows');
    expect(spec.description).toContain('matrix');
    expect(spec.encoding.y.sort).toEqual(['prospect', 'repeat', 'lapsed']);
    expect(spec.encoding.x.sort).toEqual(['first_order', 'lapsing', 'won_back']);
    expect(spec.data.values).toHaveLength(3);
    expect(() => compile(spec)).not.toThrow();
  });

  it('the cohort triangle labels each cell with its share and greys month 0', () => {
    const spec = cohortTriangleChart(d.cohorts) as any;
    expect(spec.data.values.map((v: any) => v.label)).toEqual(['100%', '30%', '100%']);
    expect(spec.layer[1].transform[0].filter).toBe('datum.monthsSince == 0');
    expect(() => compile(spec)).not.toThrow();
  });

  it('the Pareto curve starts at the origin and leaves out CLV when no model ran', () => {
    const spec = paretoCurveChart(d.pareto) as any;
    const values = spec.layer[1].data.values;
    expect(values[0]).toEqual({ customerShare: 0, share: 0, measure: 'Revenue to date' });
    expect(values.every((v: any) => v.measure === 'Revenue to date')).toBe(true);
    expect(values).toHaveLength(101);
    expect(() => compile(spec)).not.toThrow();
  });

  it('sections say why a part is empty on a first run, and escape data strings', () => {
    const first = dynamicsSections({ ...d, previousAsOf: null, segmentMoves: [], stateMoves: [] });
    expect(first.body.value).toContain('No previous run to compare with');
    expect(first.charts.map((c) => c.id)).toEqual(['chart-cohorts', 'chart-pareto']);
    const full = dynamicsSections(d);
    expect(full.charts).toHaveLength(4);
    expect(full.body.value).not.toContain('<img src=x');
    expect(full.body.value).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(full.body.value).toContain('The top 20% of customers bring <strong>44.7%</strong>');
    expect(dynamicsSections(null).body.value).toContain('No data for this section');
  });
});
