import type { DuckDBConnection } from '@duckdb/node-api';
import { configParams, DEFAULT_DYNAMICS, type DynamicsConfig } from '../dynamics/config.js';
import { pipelineSql } from '../util/paths.js';
import type { AnalysisStep, StepContext } from './step.js';

/** Run a pipeline SQL file, passing only the parameters it names. */
async function runSql(conn: DuckDBConnection, name: string, params: Record<string, string | number | null>): Promise<void> {
  const text = pipelineSql(name);
  const used = Object.fromEntries(Object.entries(params).filter(([k]) => new RegExp(`\\$${k}\\b`).test(text)));
  for (const statement of text.split(/;\s*\n/).filter((s) => s.replace(/--.*$/gm, '').trim() !== '')) {
    const own = Object.fromEntries(Object.entries(used).filter(([k]) => new RegExp(`\\$${k}\\b`).test(statement)));
    await conn.run(statement, own);
  }
}

/**
 * Customer dynamics (DOMAIN.md §3–4, §8): states and lifecycle stages per customer, movement from
 * the previous run, cohort retention, value concentration and KPIs. Set-based: all SQL in
 * queries/pipeline/.
 */
export function dynamicsStep(config: DynamicsConfig = DEFAULT_DYNAMICS): AnalysisStep {
  return {
    name: 'dynamics',
    async run(ctx: StepContext) {
      const { conn, runId, asOf, previousRunId } = ctx;
      const params = { ...configParams(config), run: runId, as_of: asOf, prev: previousRunId };
      await conn.run('INSERT INTO run_config VALUES ($run, $section, $config)', { run: runId, section: 'dynamics', config: JSON.stringify(config) });
      await conn.run('UPDATE runs SET previous_run_id = $prev WHERE run_id = $run', { run: runId, prev: previousRunId });
      await runSql(conn, 'states', params);
      if (previousRunId !== null) await runSql(conn, 'segment_moves', params);
      await runSql(conn, 'cohort_retention', params);
      await runSql(conn, 'value_concentration', params);
      await runSql(conn, 'kpis_store', params);
    },
  };
}
