import type { DuckDBConnection } from '@duckdb/node-api';
import type { CustomerInput } from '../fitModels.js';
import { readHoldoutSplit } from '../io/readHoldoutSplit.js';
import { holdoutLength, MIN_HOLDOUT_BUYERS, MIN_SELECTION_CUSTOMERS } from './holdoutLength.js';
import { selectModel, type Selection } from './selectModel.js';

/**
 * Selection compares models on at most about this many customers: every k-th customer in
 * customer_id order, k = ⌈customers / SELECTION_SAMPLE⌉. The holdout AUCs of 200,000 customers
 * move by about 0.001 between samples, the tie margin of the rule, and three fits on a million
 * daily histories would cost several seconds more. The winner is refitted on every customer.
 */
export const SELECTION_SAMPLE = 200_000;

/** A selection, or why none was made (the default order is then used). */
export type SelectionOutcome = { selection: Selection } | { skipped: string; holdoutDays: number | null };

/**
 * Hold out the most recent stretch (holdoutLength of the churn horizon), fit every candidate on
 * the rest, score and choose (selectModel), on every k-th customer beyond SELECTION_SAMPLE. Skipped, with the reason, when the history is too
 * short to hold anything out or too few customers are left to compare.
 *
 * @example const out = await runSelection(conn, input, { asOf, churnHorizonDays: 63, currency: '*', daysPerUnit: 7 });
 */
export async function runSelection(
  conn: DuckDBConnection,
  input: CustomerInput,
  o: { asOf: string; churnHorizonDays: number; currency: string | null; daysPerUnit: number },
): Promise<SelectionOutcome> {
  let history = 0;
  for (let i = 0; i < input.TDays.length; i++) if (!input.house?.[i]) history = Math.max(history, input.TDays[i]!);
  const holdoutDays = holdoutLength(o.churnHorizonDays, history);
  if (holdoutDays === null) return { skipped: `only ${history} days of history, too short to hold out a stretch to compare the models on`, holdoutDays };
  const stride = Math.max(1, Math.ceil(input.x.length / SELECTION_SAMPLE));
  const split = await readHoldoutSplit(conn, input, { asOf: o.asOf, holdoutDays, currency: o.currency, daysPerUnit: o.daysPerUnit, stride });
  const customers = split.cal.x.length;
  let buyers = 0;
  for (let j = 0; j < customers; j++) if (split.full.x[j]! > split.cal.x[j]!) buyers++;
  if (customers < MIN_SELECTION_CUSTOMERS || buyers < MIN_HOLDOUT_BUYERS) {
    return { skipped: `only ${customers} customers before the last ${holdoutDays} days and ${buyers} of them buying in those days (need ${MIN_SELECTION_CUSTOMERS} and ${MIN_HOLDOUT_BUYERS}) to compare the models`, holdoutDays };
  }
  return { selection: selectModel(split) };
}
