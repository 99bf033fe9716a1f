// What model selection costs: one database already loaded (e.g. the 1M-customer bench data).
// Usage: node dist/bench/selection.js DB [AS_OF]  → timings of the selection's parts on stdout
import { chooseHorizon } from '../src/models/autoHorizon.js';
import { fitModels, compressHistories } from '../src/scoring/fitModels.js';
import { readCustomerInput } from '../src/scoring/io/readCustomerInput.js';
import { readHoldoutSplit } from '../src/scoring/io/readHoldoutSplit.js';
import { holdoutLength } from '../src/scoring/select/holdoutLength.js';
import { selectModel } from '../src/scoring/select/selectModel.js';
import { runSelection, SELECTION_SAMPLE } from '../src/scoring/select/runSelection.js';
import { withDatabase } from '../src/store/database.js';
import { buildSummary } from '../src/summary/buildSummary.js';

const [db, asOfArg] = process.argv.slice(2) as [string, string | undefined];
const ms = (t: number): string => `${((performance.now() - t) / 1000).toFixed(2)} s`;
await withDatabase(db, {}, async (conn) => {
  const asOf = asOfArg ?? String((await conn.runAndReadAll('SELECT max(order_date)::DATE::VARCHAR FROM transactions')).getRows()[0]![0]);
  let t = performance.now();
  const n = await buildSummary(conn, asOf);
  console.log(`summary as of ${asOf}: ${n} customers, ${ms(t)}`);
  const input = await readCustomerInput(conn);
  const horizon = chooseHorizon('auto', input.x, input.txDays);
  const history = input.TDays.reduce((a, v) => Math.max(a, v), 0);
  const holdoutDays = holdoutLength(horizon.days, history)!;
  t = performance.now();
  const split = await readHoldoutSplit(conn, input, { asOf, holdoutDays, currency: '*', daysPerUnit: 7, stride: Math.ceil(n / SELECTION_SAMPLE) });
  console.log(`holdout split queries (${holdoutDays} days, ${split.cal.x.length} customers sampled): ${ms(t)}`);
  t = performance.now();
  selectModel(split);
  console.log(`selectModel on the sample (3 fits + holdout scores + evidence): ${ms(t)}`);
  t = performance.now();
  const outcome = await runSelection(conn, input, { asOf, churnHorizonDays: horizon.days, currency: '*', daysPerUnit: 7 });
  console.log(`the whole selection step (runSelection: queries + selectModel): ${ms(t)}`);
  if (!('selection' in outcome)) throw new Error(outcome.skipped);
  const s = outcome.selection;
  console.log(`  ${s.reason}`);
  const histories = compressHistories(input);
  t = performance.now();
  fitModels(input, { timeUnit: 'week', scoringModel: 'auto', ranking: s.ranking }, {}, histories);
  console.log(`refit of the winner (${s.chosen}) + Gamma-Gamma on all customers: ${ms(t)}`);
  t = performance.now();
  fitModels(input, { timeUnit: 'week', scoringModel: 'mbgnbd' }, {}, histories);
  console.log(`for comparison, MBG/NBD + Gamma-Gamma on all customers: ${ms(t)}`);
});
