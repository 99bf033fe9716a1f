import { describe, expect, it } from 'vitest';
import { buildFeatures, featureSpecs } from '../../src/cluster/features.js';
import { toOriginalUnits, toStandardized } from '../../src/cluster/scale.js';
import { forward, inverse } from '../../src/cluster/transform.js';
import { CrmError } from '../../src/util/error.js';

const column = (matrix: { data: Float64Array; n: number; d: number }, j: number) =>
  Float64Array.from({ length: matrix.n }, (_, i) => matrix.data[i * matrix.d + j]!);
const mean = (v: Float64Array) => v.reduce((a, b) => a + b, 0) / v.length;
const sd = (v: Float64Array) => Math.sqrt(v.reduce((a, b) => a + (b - mean(v)) ** 2, 0) / v.length);

describe('buildFeatures', () => {
  const recency_days = Float64Array.of(0, 3, 10, 45, 200, 700);
  const frequency = Float64Array.of(1, 1, 2, 5, 9, 30);
  const monetary = Float64Array.of(-50, 0, 20, 310, 999, 25_000);

  it('standardises every transformed column to mean 0, sd 1 (row-major n×d)', () => {
    const matrix = buildFeatures(featureSpecs({ recency_days, frequency, monetary }));
    expect([matrix.n, matrix.d]).toEqual([6, 3]);
    for (let j = 0; j < 3; j++) {
      expect(mean(column(matrix, j))).toBeCloseTo(0, 12);
      expect(sd(column(matrix, j))).toBeCloseTo(1, 12);
    }
    expect(matrix.scale.transforms).toEqual(['log1p', 'log1p', 'signedLog1p']);
    expect(matrix.scale.means[0]).toBeCloseTo(mean(recency_days.map(Math.log1p)), 12);
  });

  it('takes a signed log of spend, so net-negative customers (returns) stay finite and ordered', () => {
    expect(forward('signedLog1p', -50)).toBe(-Math.log1p(50));
    expect(forward('signedLog1p', 0)).toBe(0);
    const matrix = buildFeatures(featureSpecs({ monetary }));
    const z = column(matrix, 0);
    for (let i = 1; i < z.length; i++) expect(z[i]!).toBeGreaterThan(z[i - 1]!);
  });

  it('keeps a constant feature as an all-zero column instead of dividing by zero', () => {
    const matrix = buildFeatures(featureSpecs({ return_rate: new Float64Array(6).fill(0.1), frequency }));
    column(matrix, 0).forEach((z) => expect(Math.abs(z)).toBeLessThan(1e-12));
    expect(matrix.scale.sds[0]).toBe(1);
  });

  it('maps centres to original units and back exactly', () => {
    const matrix = buildFeatures(featureSpecs({ recency_days, frequency, monetary }));
    const original = Float64Array.of(30, 4, -12.5, 0, 1, 400);
    const back = toOriginalUnits(matrix.scale, toStandardized(matrix.scale, original));
    back.forEach((v, i) => expect(v).toBeCloseTo(original[i]!, 9));
    for (const t of ['log1p', 'signedLog1p', 'none'] as const) expect(inverse(t, forward(t, 7.25))).toBeCloseTo(7.25, 12);
  });

  it('refuses unknown features without a transform, misaligned columns and values log1p cannot take', () => {
    expect(() => featureSpecs({ basket_size: frequency })).toThrow(/basket_size.*no known transform/);
    expect(featureSpecs({ basket_size: frequency }, { basket_size: 'log1p' })[0]!.transform).toBe('log1p');
    expect(() => buildFeatures(featureSpecs({ frequency, monetary: Float64Array.of(1, 2) }))).toThrow(/aligned by customer/);
    expect(() => buildFeatures(featureSpecs({ recency_days: Float64Array.of(3, -2) }))).toThrow(CrmError);
  });
});
