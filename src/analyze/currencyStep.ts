import type { AnalysisStep, StepContext } from './step.js';

/**
 * Record the run's currency and the totals it left out in run_config (section 'currency'), inside
 * the run's transaction like every other output, so the report states what it analysed.
 */
export const currencyStep: AnalysisStep = {
  name: 'currency',
  async run({ conn, runId, currency }: StepContext) {
    const { code, chosen, others } = currency;
    await conn.run('INSERT INTO run_config VALUES ($run, $section, $config)', {
      run: runId, section: 'currency', config: JSON.stringify({ currency: code, chosen, others }),
    });
  },
};
