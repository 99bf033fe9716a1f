import { configParams, DEFAULT_DYNAMICS, type DynamicsConfig } from '../dynamics/config.js';
import { runPipelineSql } from './runPipelineSql.js';
import type { AnalysisStep, StepContext } from './step.js';

/**
 * Customer dynamics (DOMAIN.md §3–4, §8) once the run's customer_scores rows are written (states
 * come from statesStep): movement from the previous run, cohort retention, value concentration
 * and KPIs, and the config used (`ctx.dynamics`, stored in run_config; `override` replaces it for
 * tests). Set-based: all SQL in queries/pipeline/.
 *
 * @example const step = dynamicsStep(); // reads ctx.dynamics
 */
export function dynamicsStep(override?: DynamicsConfig): AnalysisStep {
  return {
    name: 'dynamics',
    async run(ctx: StepContext) {
      const { conn, runId, asOf, previousRunId } = ctx;
      const config = override ?? ctx.dynamics ?? DEFAULT_DYNAMICS;
      const params = { ...configParams(config), run: runId, as_of: asOf, prev: previousRunId, currency: ctx.currency.filter };
      await conn.run('INSERT INTO run_config VALUES ($run, $section, $config)', { run: runId, section: 'dynamics', config: JSON.stringify(config) });
      await conn.run('UPDATE runs SET previous_run_id = $prev WHERE run_id = $run', { run: runId, prev: previousRunId });
      if (previousRunId !== null) await runPipelineSql(conn, 'segment_moves', params);
      await runPipelineSql(conn, 'cohort_retention', params);
      await runPipelineSql(conn, 'value_concentration', params);
      await runPipelineSql(conn, 'kpis_store', params);
      await runPipelineSql(conn, 'weekly_trend', params); // README "Weekly trend"
    },
  };
}
