import type { AnalysisStep } from './step.js';
import { rfmStep } from './rfmStep.js';
import { clusterStep } from './clusterStep.js';
import { dynamicsStep } from './dynamicsStep.js';
import { modelsStep } from './modelsStep.js';

/**
 * The analysis steps in order. RFM comes first: it inserts the run's customer_scores rows that
 * the other steps fill in.
 */
export const STEPS: readonly AnalysisStep[] = [rfmStep, modelsStep(), dynamicsStep(), clusterStep]; // models before dynamics: it sums clv_12m
