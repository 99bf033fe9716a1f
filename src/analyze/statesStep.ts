import { configParams, DEFAULT_DYNAMICS, type DynamicsConfig } from '../dynamics/config.js';
import { runPipelineSql } from './runPipelineSql.js';
import type { AnalysisStep } from './step.js';

/**
 * Customer states and lifecycle stages (DOMAIN.md §3–4): staged by idx in the temp table
 * `state_columns` (queries/pipeline/states.sql) for the scores step's single write.
 */
export function statesStep(config: DynamicsConfig = DEFAULT_DYNAMICS): AnalysisStep {
  return {
    name: 'states',
    async run({ conn }) {
      await runPipelineSql(conn, 'states', configParams(config));
    },
  };
}
