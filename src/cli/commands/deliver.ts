import type { DuckDBConnection } from '@duckdb/node-api';
import { resolve } from 'node:path';
import { packageRoot } from '../../util/paths.js';
import { deliverRun } from '../../delivery/deliverRun.js';
import type { RunDeliveryOptions } from '../../delivery/deliverAfterRun.js';
import { loadPipeline } from '../../pipeline/loadPipeline.js';
import { isLocale, parseLocale, type Locale } from '../../report/i18n/index.js';
import { writeReport } from '../../report/writeReport.js';
import { resolveDbPath, withDatabase } from '../../store/database.js';
import { inputError, usageError } from '../../util/error.js';
import { COMMON_DETAILS, type Command, type Values } from '../command.js';
import { lockTimeoutFlag, stringFlag } from '../parse.js';

/** --resend / --dry-run DIR / --no-deliver, as `crm run` and `crm deliver` take them. */
export function deliveryFlags(values: Values): RunDeliveryOptions {
  const dry = stringFlag(values, 'dry-run');
  return { ...(values['resend'] ? { resend: true } : {}), ...(dry ? { dryRunDir: dry } : {}), ...(values['no-deliver'] ? { skip: true } : {}) };
}

async function runInfo(conn: DuckDBConnection, runId: number): Promise<{ pipeline: string | null; locale: Locale | undefined }> {
  const r = await conn.runAndReadAll(
    `SELECT r.status, r.pipeline, (SELECT config->>'$.locale' FROM run_config c WHERE c.run_id = r.run_id AND c.section = 'report') FROM runs r WHERE r.run_id = $id`,
    { id: runId },
  );
  const row = r.getRows()[0];
  if (!row || row[0] !== 'ok') throw inputError(`no successful run with id ${runId}${row ? ` (it is ${String(row[0])})` : ''}; \`crm runs\` lists the runs and their ids`);
  const locale = typeof row[2] === 'string' && isLocale(row[2]) ? row[2] : undefined;
  return { pipeline: row[1] === null ? null : String(row[1]), locale };
}

export const deliverCommand: Command = {
  name: 'deliver',
  summary: "send (or re-send) an existing run's report by email and chat",
  synopsis: 'crm deliver RUN [--pipeline NAME|FILE] [--resend] [--dry-run DIR] [--out DIR] [--locale en|zh-CN] [--db PATH]',
  details: `Re-writes run RUN's report (the same as it was: a run's report is a function of its tables) to
DIR/<as-of>/ and delivers it as its pipeline's "delivery" says (README "Delivery"). A channel that
already delivered this pipeline's week is skipped unless --resend. Every delivery, sent, failed or
skipped, is a row of the deliveries table; exit 1 when one failed.

  --pipeline P     the pipeline whose delivery settings to use (default: the run's pipeline)
  --resend         send even though this week was delivered before
  --dry-run DIR    write the messages to DIR/<as-of>/ (email-all.eml, chat-all.json) instead of sending
  --out DIR        reports folder (default: the pipeline's outputs.reportsDir)
  --locale L       language (default: the run's)
${COMMON_DETAILS}`,
  options: { pipeline: { type: 'string' }, resend: { type: 'boolean' }, 'dry-run': { type: 'string' }, out: { type: 'string' }, locale: { type: 'string' } },
  positionals: [1, 1],
  async run(values, [runArg], io) {
    if (!/^\d+$/.test(runArg!)) throw usageError(`RUN must be a run id (a number), got "${runArg}"; \`crm runs\` lists them`);
    const runId = Number(runArg);
    const locale = parseLocale(stringFlag(values, 'locale'));
    const r = await withDatabase(resolveDbPath(stringFlag(values, 'db')), { lockTimeoutMs: lockTimeoutFlag(values), onWait: (m) => io.err(`crm deliver: ${m}\n`) }, async (conn) => {
      const info = await runInfo(conn, runId);
      const name = stringFlag(values, 'pipeline') ?? info.pipeline;
      if (name === null) throw usageError(`run ${runId} was not made by a pipeline: name one with --pipeline`);
      const p = await loadPipeline(name);
      if (!p.delivery) throw inputError(`${p.source ?? name} has no "delivery" key: add one (README "Delivery") to say where the report goes, or pass --pipeline FILE when the run was made from another pipeline file`);
      const chosen = locale ?? info.locale ?? p.locale;
      const out = stringFlag(values, 'out') ?? resolve(p.baseDir ?? packageRoot(), p.outputs.reportsDir);
      const reportPath = await writeReport(conn, runId, out, { locale: chosen });
      const flags = deliveryFlags(values);
      return deliverRun(conn, runId, p.delivery, reportPath, { ...flags, locale: chosen });
    });
    for (const d of r.records) io.out(`${d.channel} (${d.audience}): ${d.status}${d.messageId ? ` ${d.messageId}` : ''}${d.path ? ` ${d.path}` : ''}${d.error ? ` — ${d.error}` : ''}\n`);
    io.out(`delivery: ${r.status}\n`);
    return r.status === 'delivered-with-errors' ? 1 : 0;
  },
};
