import type { RunSteps } from './types.js';

/**
 * runs.steps entries for an analysis: each step's milliseconds, with the customer count on the
 * summary step.
 *
 * @example stepsFromTimings({ summary: 40, rfm: 35 }, 2200) // { summary: { ms: 40, customers: 2200 }, rfm: { ms: 35 } }
 */
export function stepsFromTimings(timings: Record<string, number>, customers: number): RunSteps {
  const steps: RunSteps = {};
  for (const [name, ms] of Object.entries(timings)) steps[name] = name === 'summary' ? { ms, customers } : { ms };
  return steps;
}
