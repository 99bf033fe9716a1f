import type { AnalysisStep } from './step.js';
import { stageRfmColumns } from './stageRfmColumns.js';
import { writeBins, writeRules } from './writeRules.js';

/** RFM scores and segments: stages the run's RFM columns (written with the others by the scores step), and writes the rules and bins used. */
export const rfmStep: AnalysisStep = {
  name: 'rfm',
  async run({ conn, runId, rules }) {
    const rfm = await stageRfmColumns(conn, rules, runId);
    await writeRules(conn, runId, rules);
    await writeBins(conn, runId, rfm);
  },
};
