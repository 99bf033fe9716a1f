import type { AnalysisStep } from './step.js';
import { rfmStep } from './rfmStep.js';
import { clusterStep } from './clusterStep.js';
import { currencyStep } from './currencyStep.js';
import { dynamicsStep } from './dynamicsStep.js';
import { houseStep } from './houseStep.js';
import { modelsStep } from './modelsStep.js';
import { scoresStep } from './scoresStep.js';
import { statesStep } from './statesStep.js';

/**
 * The analysis steps in order. The per-customer steps (RFM, models, states, clusters) stage their
 * columns by customer idx; the scores step then writes every customer_scores row once; the
 * dynamics step, which sums over those rows (segments, states, clv_12m), comes after it.
 * Clusters read the RFM segments, so RFM comes first. House accounts are found first of all: RFM
 * gives them their own segment, and the models and clusters leave them out.
 */
export const STEPS: readonly AnalysisStep[] = [currencyStep, houseStep, rfmStep, modelsStep(), statesStep(), clusterStep, scoresStep, dynamicsStep()];
