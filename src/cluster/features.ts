import { inputError } from '../util/error.js';
import type { Points } from './points.js';
import { DEFAULT_TRANSFORMS, forward, type Transform } from './transform.js';

/** One per-customer feature: its name, raw values (aligned by customer index) and transform. */
export interface FeatureSpec {
  name: string;
  values: Float64Array;
  transform: Transform;
}

/**
 * What it takes to move between original units and the standardised space k-means runs in:
 * z = (transform(x) − mean) / sd, per feature, with the mean and sd of this run's customers.
 */
export interface FeatureScale {
  names: string[];
  transforms: Transform[];
  means: Float64Array;
  sds: Float64Array;
}

/** The standardised n×d feature matrix and the scale that produced it. */
export interface FeatureMatrix extends Points {
  scale: FeatureScale;
}

/**
 * Feature specs from named columns, taking each transform from `transforms` (defaults for the
 * summary's columns). An unknown name without a transform is an error, not a silent identity.
 *
 * @example featureSpecs({ recency_days: r, frequency: f, monetary: m }).map((s) => s.transform) // ['log1p', 'log1p', 'signedLog1p']
 */
export function featureSpecs(
  columns: Readonly<Record<string, Float64Array>>,
  transforms: Readonly<Record<string, Transform>> = DEFAULT_TRANSFORMS,
): FeatureSpec[] {
  return Object.entries(columns).map(([name, values]) => {
    const transform = transforms[name] ?? DEFAULT_TRANSFORMS[name];
    if (transform === undefined) {
      throw inputError(`cluster feature "${name}" has no known transform: give one as 'log1p', 'signedLog1p' or 'none'`);
    }
    return { name, values, transform };
  });
}

/**
 * Write spec's transformed values into column j of the row-major matrix and return their sum. One
 * loop per transform (not a call per value): a million customers × d features cost little.
 */
function transformInto(spec: FeatureSpec, data: Float64Array, j: number, d: number): number {
  const { values, transform } = spec;
  let sum = 0;
  for (let i = 0, at = j; i < values.length; i++, at += d) {
    const x = values[i]!;
    const y = transform === 'log1p' ? (x > -1 ? Math.log1p(x) : Number.NaN) : transform === 'signedLog1p' ? (x < 0 ? -Math.log1p(-x) : Math.log1p(x)) : x;
    data[at] = y;
    sum += y;
  }
  if (!Number.isFinite(sum)) {
    const i = Array.prototype.findIndex.call(values, (x: number) => !Number.isFinite(forward(transform, x)));
    throw inputError(`cluster feature "${spec.name}" has value ${values[i]} at customer index ${i}, which ${transform} cannot take: clean the input or use 'signedLog1p'`);
  }
  return sum;
}

/**
 * Transform and standardise features into a row-major matrix. Standardising (population sd)
 * gives every feature equal weight in the Euclidean distance; a constant feature (sd 0) keeps
 * sd 1 and so becomes a (near-)zero column that cannot sway the clustering.
 *
 * @example buildFeatures(featureSpecs({ recency_days: r, frequency: f, monetary: m })).d // 3
 */
export function buildFeatures(specs: readonly FeatureSpec[]): FeatureMatrix {
  if (specs.length === 0) throw inputError('clustering needs at least one feature');
  const n = specs[0]!.values.length;
  const d = specs.length;
  const data = new Float64Array(n * d);
  const means = new Float64Array(d);
  const sds = new Float64Array(d);
  specs.forEach((spec, j) => {
    if (spec.values.length !== n) {
      throw inputError(`cluster feature "${spec.name}" has ${spec.values.length} values, "${specs[0]!.name}" has ${n}: columns must be aligned by customer`);
    }
    const sum = transformInto(spec, data, j, d);
    const mean = n > 0 ? sum / n : 0;
    // Two passes (mean, then squared deviations) stay accurate where Σx² − n·mean² cancels.
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (data[i * d + j]! - mean) ** 2;
    const sd = Math.sqrt(ss / Math.max(n, 1));
    means[j] = mean;
    // Rounding leaves a constant column a sd of ~1e-17, which would blow it up to ±1: treat as 0.
    sds[j] = sd > 1e-12 * Math.max(1, Math.abs(mean)) ? sd : 1;
    for (let i = 0; i < n; i++) data[i * d + j] = (data[i * d + j]! - mean) / sds[j]!;
  });
  return {
    data,
    n,
    d,
    scale: { names: specs.map((s) => s.name), transforms: specs.map((s) => s.transform), means, sds },
  };
}
