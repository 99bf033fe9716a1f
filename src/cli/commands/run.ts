import { createStepLog } from '../../log/createStepLog.js';
import { loadProgress, withProgress } from '../../log/loadProgress.js';
import { loadPipeline } from '../../pipeline/loadPipeline.js';
import { runPipeline } from '../../pipeline/runPipeline.js';
import { parseLocale } from '../../report/i18n/index.js';
import { onShutdownSignal } from '../../schedule/onShutdownSignal.js';
import { resolveDbPath, withDatabase } from '../../store/database.js';
import { parseIsoDate } from '../../util/dates.js';
import { usageError } from '../../util/error.js';
import { COMMON_DETAILS, type Command } from '../command.js';
import { lockTimeoutFlag, stringFlag } from '../parse.js';
import { deliveryFlags } from './deliver.js';

export const runCommand: Command = {
  name: 'run',
  summary: 'run a pipeline now: load its inputs, analyze, write the report',
  synopsis: 'crm run [PIPELINE|FILE] [--as-of YYYY-MM-DD] [--allow-future-as-of] [--out DIR] [--locale en|zh-CN] [--resend] [--dry-run DIR] [--no-deliver] [--db PATH] [--lock-timeout S]',
  details: `PIPELINE names pipelines/<PIPELINE>.json (default: weekly), or FILE is a path to a pipeline
file (.json, or a .mjs/.js module; e.g. ./ops/nightly.json, whose relative paths resolve against
its folder). The file is read and checked when the run starts: no build step. Inputs loaded before are skipped
(same checksum), so running twice does not double-count. The run is recorded in \`runs\` (trigger
manual) even when it fails while loading. It takes the writer lock: if a scheduler or another
command is writing, it waits up to --lock-timeout, then exits 3 naming the holder.

--as-of re-makes a past week: with the same data, the same customer_scores and report. A date
(given or picked by the as-of rule) more than 7 days after the latest order is refused (exit 3).
SIGINT/SIGTERM stop at the next step boundary (the step in progress commits whole or rolls back).

  --as-of DATE     override the pipeline's as-of rule
  --allow-future-as-of  analyze an as-of date more than 7 days after the latest order anyway
  --out DIR        override the pipeline's reports folder
  --locale L       language of the report: en or zh-CN (default: the pipeline's "locale", else en)
  --resend         deliver even if this week was already delivered (README "Delivery")
  --dry-run DIR    write the messages to DIR/<as-of>/ (email-all.eml, chat-all.json) instead of sending
  --no-deliver     write the report only, send nothing
${COMMON_DETAILS}`,
  options: { 'as-of': { type: 'string' }, 'allow-future-as-of': { type: 'boolean' }, out: { type: 'string' }, locale: { type: 'string' }, resend: { type: 'boolean' }, 'dry-run': { type: 'string' }, 'no-deliver': { type: 'boolean' } },
  positionals: [0, 1],
  async run(values, [name = 'weekly'], io) {
    const pipeline = await loadPipeline(name);
    const asked = ['resend', 'dry-run'].filter((f) => values[f] !== undefined);
    if (asked.length && !pipeline.delivery) throw usageError(`--${asked[0]}: ${pipeline.source ?? name} has no "delivery" key, so there is nothing to send (see docs/delivery.md)`);
    const asOf = stringFlag(values, 'as-of');
    const out = stringFlag(values, 'out');
    const locale = parseLocale(stringFlag(values, 'locale'));
    const db = resolveDbPath(stringFlag(values, 'db'));
    const progress = loadProgress();
    const log = withProgress(createStepLog(io.err), progress);
    const controller = new AbortController();
    const dispose = onShutdownSignal((signal) => controller.abort(signal));
    try {
      const result = await withDatabase(
        db,
        { lockTimeoutMs: lockTimeoutFlag(values), signal: controller.signal, onWait: (msg) => log({ pipeline: pipeline.name, step: 'wait', msg }) },
        (conn) =>
          runPipeline(conn, pipeline, {
            ...(asOf ? { asOf: parseIsoDate(asOf, '--as-of') } : {}),
            ...(out ? { outDir: out } : {}),
            ...(locale ? { locale } : {}),
            ...(values['allow-future-as-of'] ? { allowFutureAsOf: true } : {}),
            log, trigger: 'manual', signal: controller.signal, onFile: progress.file, delivery: deliveryFlags(values),
          }),
      );
      io.out(`report: ${result.reportPath}\ndatabase: ${db}\nrun: ${result.runId}\n${result.delivery ? `delivery: ${result.delivery.status}\n` : ''}`);
      return 0;
    } finally {
      progress.done();
      dispose();
    }
  },
};
