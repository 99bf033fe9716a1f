import type { AnalysisStep } from './step.js';
import { writeScores } from './writeScores.js';
import { writeBins, writeRules } from './writeRules.js';

/** RFM scores and segments: inserts one customer_scores row per customer, plus the rules and bins used. */
export const rfmStep: AnalysisStep = {
  name: 'rfm',
  async run({ conn, runId, asOf, rules }) {
    const rfm = await writeScores(conn, runId, asOf, rules);
    await writeRules(conn, runId, rules);
    await writeBins(conn, runId, rfm);
  },
};
