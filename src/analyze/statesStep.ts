import { configParams, DEFAULT_DYNAMICS, type DynamicsConfig } from '../dynamics/config.js';
import { runPipelineSql } from './runPipelineSql.js';
import type { AnalysisStep } from './step.js';

/**
 * Customer states and lifecycle stages (DOMAIN.md §3–4): staged by idx in the temp table
 * `state_columns` (queries/pipeline/states.sql) for the scores step's single write. Thresholds are
 * the run's (`ctx.dynamics`); `override` replaces them for tests.
 *
 * @example const step = statesStep(); // reads ctx.dynamics
 */
export function statesStep(override?: DynamicsConfig): AnalysisStep {
  return {
    name: 'states',
    async run({ conn, dynamics }) {
      await runPipelineSql(conn, 'states', configParams(override ?? dynamics ?? DEFAULT_DYNAMICS));
    },
  };
}
