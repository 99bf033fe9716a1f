import type { FeatureScale } from './features.js';
import { forward, inverse } from './transform.js';

/**
 * Rows of standardised coordinates (row-major, d = scale.names.length) back in original units.
 * For a log feature this is the back-transformed mean of the logs, a typical value close to the
 * cluster's median rather than its arithmetic mean.
 *
 * @example toOriginalUnits(matrix.scale, result.centres) // centres in days, orders and money
 */
export function toOriginalUnits(scale: FeatureScale, standardized: Float64Array): Float64Array {
  const d = scale.names.length;
  const out = new Float64Array(standardized.length);
  for (let i = 0; i < out.length; i++) {
    const j = i % d;
    out[i] = inverse(scale.transforms[j]!, standardized[i]! * scale.sds[j]! + scale.means[j]!);
  }
  return out;
}

/**
 * Rows in original units moved into this run's standardised space: how last run's centres are
 * compared with this run's, whose means and sds have drifted.
 *
 * @example toStandardized(matrix.scale, toOriginalUnits(matrix.scale, centres)) // centres again
 */
export function toStandardized(scale: FeatureScale, original: Float64Array): Float64Array {
  const d = scale.names.length;
  const out = new Float64Array(original.length);
  for (let i = 0; i < out.length; i++) {
    const j = i % d;
    out[i] = (forward(scale.transforms[j]!, original[i]!) - scale.means[j]!) / scale.sds[j]!;
  }
  return out;
}
