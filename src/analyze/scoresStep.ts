import type { AnalysisStep } from './step.js';
import { writeCustomerScores } from './writeCustomerScores.js';

/** Write the run's customer_scores rows, once, from the summary and the columns the steps before staged. */
export const scoresStep: AnalysisStep = {
  name: 'scores',
  async run({ conn, runId, asOf }) {
    await writeCustomerScores(conn, runId, asOf);
  },
};
