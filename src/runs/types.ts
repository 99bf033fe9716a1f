/** What started a run: the scheduler, or a person (crm run / crm analyze). */
export type Trigger = 'schedule' | 'manual';

/** One step's record in runs.steps: milliseconds plus any row counts it produced. */
export type StepRecord = { ms: number } & Record<string, number>;

/** runs.steps: step name → record, in the order the steps ran. */
export type RunSteps = Record<string, StepRecord>;
