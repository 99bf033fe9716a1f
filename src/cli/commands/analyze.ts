import { analyze } from '../../analyze/analyze.js';
import { FUTURE_AS_OF_DAYS } from '../../analyze/resolveAsOf.js';
import { readRules } from '../../rfm/rules.js';
import { reconcileInterruptedRuns } from '../../runs/reconcileInterruptedRuns.js';
import { recordRunSteps } from '../../runs/recordRunSteps.js';
import { stepsFromTimings } from '../../runs/stepsFromTimings.js';
import { resolveDbPath, withDatabase } from '../../store/database.js';
import { parseIsoDate } from '../../util/dates.js';
import { COMMON_DETAILS, type Command } from '../command.js';
import { lockTimeoutFlag, stringFlag } from '../parse.js';
import { timeZoneFlag } from '../../timezone/parseTimeZone.js';

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'score every customer as of a date (summary, RFM scores, segments) as a new run',
  synopsis: 'crm analyze [--as-of YYYY-MM-DD] [--allow-future-as-of] [--rules FILE] [--currency CODE] [--timezone ZONE] [--json] [--db PATH]',
  details: `Writes a new row in \`runs\` (trigger manual, with per-step timings) and one
\`customer_scores\` row per customer, using only transactions dated on or before the as-of date.
Takes the writer lock (waits up to --lock-timeout while another process writes).

  --as-of DATE     YYYY-MM-DD (default: the latest order date); more than 7 days after the latest
                   order is refused (exit 3): the data end there, so everyone would look lapsed
  --allow-future-as-of  analyze such a date anyway
  --rules FILE     segment rules JSON (default: the built-in R×F grid; see README)
  --currency CODE  the currency to analyse (ISO 4217); default the one with the most net revenue.
                   Transactions in other currencies are left out and listed in the report
  --timezone ZONE  IANA zone whose calendar days the run counts in (default UTC): an order
                   belongs to the day of its local time there, and --as-of is a local day
  --json           print the run as JSON
${COMMON_DETAILS}`,
  options: { 'as-of': { type: 'string' }, 'allow-future-as-of': { type: 'boolean' }, rules: { type: 'string' }, currency: { type: 'string' }, timezone: { type: 'string' }, json: { type: 'boolean' } },
  positionals: [0, 0],
  async run(values, _args, io) {
    const asOfFlag = stringFlag(values, 'as-of');
    const asOf = asOfFlag === undefined ? undefined : parseIsoDate(asOfFlag, '--as-of');
    const rulesPath = stringFlag(values, 'rules');
    const rules = rulesPath ? readRules(rulesPath) : undefined;
    const timezone = timeZoneFlag(stringFlag(values, 'timezone'));
    const db = resolveDbPath(stringFlag(values, 'db'));
    const result = await withDatabase(db, { lockTimeoutMs: lockTimeoutFlag(values), onWait: (m) => io.err(`crm analyze: ${m}\n`) }, async (conn) => {
      await reconcileInterruptedRuns(conn);
      const currency = stringFlag(values, 'currency');
      const r = await analyze(conn, { ...(asOf ? { asOf } : {}), ...(rules ? { rules } : {}), ...(currency ? { currency } : {}), ...(timezone ? { timezone } : {}), ...(values['allow-future-as-of'] ? {} : { maxDaysAhead: FUTURE_AS_OF_DAYS }) });
      await recordRunSteps(conn, r.runId, stepsFromTimings(r.timings, r.customers));
      return r;
    });
    if (values['json']) io.out(JSON.stringify(result) + '\n');
    else {
      io.out(`run ${result.runId} as of ${result.asOf}: ${result.customers} customers scored\n`);
      for (const [segment, n] of Object.entries(result.segments)) io.out(`  ${String(n).padStart(7)}  ${segment}\n`);
    }
    return 0;
  },
};
