// Where model selection's time goes at scale: per candidate, the calibration fit, the holdout scores and the evidence.
// Usage: node dist/bench/selectionProfile.js DB
import { chooseHorizon } from '../src/models/autoHorizon.js';
import { compressSummary } from '../src/models/compress.js';
import { fitChurnModel } from '../src/models/fitChurn.js';
import { pnbdLogLikelihood } from '../src/models/pnbd.js';
import { prepareSummary } from '../src/models/prepare.js';
import { readCustomerInput } from '../src/scoring/io/readCustomerInput.js';
import { readHoldoutSplit } from '../src/scoring/io/readHoldoutSplit.js';
import { holdoutLength } from '../src/scoring/select/holdoutLength.js';
import { groupHoldout, holdoutEvidence, holdoutPurchases, holdoutScores, predict } from '../src/scoring/select/holdoutScores.js';
import { withDatabase } from '../src/store/database.js';
import { buildSummary } from '../src/summary/buildSummary.js';

const [db] = process.argv.slice(2) as [string];
const ms = (t: number): string => `${(performance.now() - t).toFixed(0)} ms`;
await withDatabase(db, {}, async (conn) => {
  const asOf = String((await conn.runAndReadAll('SELECT max(order_date)::DATE::VARCHAR FROM transactions')).getRows()[0]![0]);
  await buildSummary(conn, asOf);
  const input = await readCustomerInput(conn);
  const horizon = chooseHorizon('auto', input.x, input.txDays);
  const holdoutDays = holdoutLength(horizon.days, input.TDays.reduce((a, v) => Math.max(a, v), 0))!;
  const split = await readHoldoutSplit(conn, input, { asOf, holdoutDays, currency: '*', daysPerUnit: 7 });
  let t = performance.now();
  const rows = compressSummary(split.cal.x, split.cal.tx, split.cal.T);
  const purchases = holdoutPurchases(split);
  const grouped = groupHoldout(split.cal, purchases, split.full);
  console.log(`compress + group: ${ms(t)}, ${rows.x.length} calibration rows`);
  {
    const prepared = prepareSummary(rows);
    const g = new Float64Array(4);
    for (const p of [{ r: 0.8, alpha: 50, s: 2, beta: 300 }, { r: 0.8, alpha: 50, s: 2, beta: 30 }, { r: 0.8, alpha: 5, s: 2, beta: 300 }]) {
      t = performance.now();
      pnbdLogLikelihood(p, prepared, g);
      console.log(`one pnbd evaluation with gradient ${JSON.stringify(p)}: ${ms(t)}`);
    }
    t = performance.now();
    pnbdLogLikelihood({ r: 0.8, alpha: 50, s: 2, beta: 300 }, prepared, g);
    console.log(`again (pairs cached): ${ms(t)}`);
  }
  for (const kind of ['pnbd'] as const) {
    t = performance.now();
    const fit = fitChurnModel(kind, rows, { daysPerUnit: 7 });
    const a = ms(t);
    t = performance.now();
    const predicted = predict(fit.params, grouped, split.horizon);
    const p = ms(t);
    t = performance.now();
    holdoutScores(fit.params, split, grouped, fit.logLikelihood, predicted);
    const b = ms(t);
    t = performance.now();
    holdoutEvidence(fit.params, split.cal, purchases, split, grouped, predicted);
    console.log(`${kind}: fit ${a} (${fit.iterations} it), predict ${p}, holdout scores ${b}, evidence ${ms(t)}`);
  }
});
