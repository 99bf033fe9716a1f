import { scoreMetric } from './score.js';
import { compileRules, segmentOf } from './segment.js';
import type { RuleSet } from './rules.js';

/** Per-customer inputs, one typed array per metric, aligned by customer index. */
export interface RfmInput {
  recencyDays: Float64Array;
  frequency: Float64Array;
  monetary: Float64Array;
}

/** Scores, segment indexes into `segments`, and the bin edges used. */
export interface RfmResult {
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  segment: Int16Array;
  segments: string[];
  edges: { recency_days: number[]; frequency: number[]; monetary: number[] };
}

/**
 * RFM quintile scores and rule-table segments for every customer: a pure kernel over typed arrays.
 *
 * @example scoreCustomers({ recencyDays, frequency, monetary }, DEFAULT_RULES).segments
 */
export function scoreCustomers(input: RfmInput, rules: RuleSet): RfmResult {
  const r = scoreMetric(input.recencyDays, false);
  const f = scoreMetric(input.frequency, true);
  const m = scoreMetric(input.monetary, true);
  const lookup = compileRules(rules);
  const segment = new Int16Array(input.recencyDays.length);
  for (let i = 0; i < segment.length; i++) {
    segment[i] = segmentOf(lookup, r.scores[i]!, f.scores[i]!, m.scores[i]!);
  }
  return {
    r: r.scores,
    f: f.scores,
    m: m.scores,
    segment,
    segments: lookup.names,
    edges: { recency_days: r.edges, frequency: f.edges, monetary: m.edges },
  };
}
