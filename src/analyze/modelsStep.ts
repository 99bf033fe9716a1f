import { chooseHorizon } from '../models/autoHorizon.js';
import { checkModelsConfig, DEFAULT_MODELS, type ModelsConfig, type UsedModelsConfig } from '../models/config.js';
import { compressHistories, fitModels } from '../scoring/fitModels.js';
import { readCustomerInput } from '../scoring/io/readCustomerInput.js';
import { readWarmStarts } from '../scoring/io/readWarmStarts.js';
import { stageModelScores, stageNoModelScores } from '../scoring/io/stageModelScores.js';
import { writeModelFits } from '../scoring/io/writeModelFits.js';
import { writeSelection } from '../scoring/io/writeSelection.js';
import { runSelection, type SelectionOutcome } from '../scoring/select/runSelection.js';
import { daysPerUnit } from '../models/units.js';
import { scoreCustomers } from '../scoring/scoreCustomers.js';
import { withoutHouseAccounts } from '../house/withoutHouseAccounts.js';
import type { AnalysisStep } from './step.js';

/**
 * Churn risk and CLV (MODELS.md, README "Churn and CLV"): with scoringModel 'auto' chooses the
 * churn model on the business's own most recent stretch held out (runSelection: BG/NBD, MBG/NBD
 * and Pareto/NBD fitted on the rest and scored on it; choice, scores and reason in
 * model_selection), fits the chosen one and the Gamma-Gamma on all customers but house accounts
 * (warm-started from the previous run's optima), writes them to model_fits, and stages customer_scores' p_alive, churn_risk, churn_band,
 * expected_orders_90d, expected_next_order_date, predicted_spend, clv_12m, historic_value,
 * value_if_kept_12m, value_tier and churn_reason in the view `model_columns` (written by the
 * scores step). The settings stored in run_config are the ones used: an 'auto' horizon resolved
 * to days from this run's customers (chooseHorizon), with how it was chosen.
 *
 * Its settings are the run's (`ctx.models`, default DEFAULT_MODELS); `override` replaces them for
 * tests and experiments.
 *
 * @example const step = modelsStep(); // reads ctx.models
 * @example const step = modelsStep({ ...DEFAULT_MODELS, scoringModel: 'bgnbd' });
 */
export function modelsStep(override?: ModelsConfig): AnalysisStep {
  if (override) checkModelsConfig(override);
  return {
    name: 'models',
    async run({ conn, runId, asOf, customers, previousRunId, notes, models, currency }) {
      const config = override ?? models ?? DEFAULT_MODELS;
      const store = (used: UsedModelsConfig) =>
        conn.run('INSERT INTO run_config VALUES ($run, $section, $config)', { run: runId, section: 'models', config: JSON.stringify(used) });
      if (customers === 0) {
        const horizon = chooseHorizon(config.horizonDays, new Float64Array(0), new Float64Array(0));
        await store({ ...config, horizonDays: horizon.days, horizon });
        notes.push('churn/CLV skipped: no customers to model');
        await stageNoModelScores(conn);
        return;
      }
      const input = await readCustomerInput(conn);
      const horizon = chooseHorizon(config.horizonDays, input.x, input.txDays);
      const used: UsedModelsConfig = { ...config, horizonDays: horizon.days, horizon };
      await store(used);
      if (horizon.fallback) notes.push(`churn/CLV: only ${horizon.repeatCustomers} repeat buyers, too few to measure a purchase cycle; the churn horizon is ${horizon.days} days`);
      const warm = previousRunId === null ? {} : await readWarmStarts(conn, previousRunId, config.timeUnit);
      const histories = compressHistories(input); // shared by the fits and the churn reasons
      let outcome: SelectionOutcome | null = null;
      if (config.scoringModel === 'auto') {
        outcome = await runSelection(conn, input, { asOf, churnHorizonDays: horizon.days, currency: currency?.filter ?? '*', daysPerUnit: daysPerUnit(config.timeUnit) });
        if ('skipped' in outcome) notes.push(`churn/CLV: model selection skipped (${outcome.skipped}); the MBG/NBD is used`);
      }
      const ranking = outcome && 'selection' in outcome ? outcome.selection.ranking : undefined;
      // house accounts are scored but not fitted on (README "House accounts"), nor compared in the selection
      const fitOn = await withoutHouseAccounts(conn, input);
      const fitted = fitModels(fitOn, { ...config, ...(ranking && { ranking }) }, warm, fitOn === input ? histories : undefined);
      const scoring = fitted.fits.find((f) => f.scoring && f.model !== 'gammagamma');
      await writeSelection(conn, runId, config.scoringModel, scoring?.model ?? null, outcome, fitted.spendCorrelation.pearson);
      const scores = scoreCustomers(input, fitted, used);
      if (scores && scores.blanked > 0) {
        notes.push(`churn/CLV: ${scores.blanked} model values were not finite or out of range and were left empty (NULL)`);
      }
      notes.push(...fitted.notes);
      await writeModelFits(conn, runId, fitted.fits);
      await stageModelScores(conn, asOf, input, scores, { margin: config.clv.margin, horizonDays: horizon.days }, histories);
    },
  };
}
