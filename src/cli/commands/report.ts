import type { DuckDBConnection } from '@duckdb/node-api';
import { isLocale, parseLocale, type Locale } from '../../report/i18n/index.js';
import { findRun } from '../../report/readReportData.js';
import { writeReport } from '../../report/writeReport.js';
import { resolveDbPath, withDatabase } from '../../store/database.js';
import { parseIsoDate } from '../../util/dates.js';
import { inputError, usageError } from '../../util/error.js';
import { COMMON_DETAILS, type Command } from '../command.js';
import { lockTimeoutFlag, stringFlag } from '../parse.js';

/** A --run id that is not a successful run, refused with what it is and where to look instead. */
async function checkRunId(conn: DuckDBConnection, runId: number): Promise<void> {
  const r = await conn.runAndReadAll('SELECT status, error FROM runs WHERE run_id = $id', { id: runId });
  const row = r.getRows()[0];
  if (row && row[0] === 'ok') return;
  const what = !row ? 'there is no run with that id' : row[0] === 'failed' ? `that run failed: ${String(row[1] ?? 'no error recorded')}` : `that run is still ${String(row[0])}`;
  throw inputError(`no successful analysis run with id ${runId} (${what}); \`crm runs\` lists the runs and their ids`);
}

/** The locale the run was made for (its pipeline's "locale", stored in run_config 'report'), if recorded. */
async function runLocale(conn: DuckDBConnection, runId: number): Promise<Locale | undefined> {
  const r = await conn.runAndReadAll(`SELECT config->>'$.locale' FROM run_config WHERE run_id = $id AND section = 'report'`, { id: runId });
  const v = r.getRows()[0]?.[0];
  return typeof v === 'string' && isLocale(v) ? v : undefined;
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'write the self-contained HTML report of a run',
  synopsis: 'crm report [--as-of YYYY-MM-DD | --run ID] [--out DIR] [--locale en|zh-CN] [--db PATH]',
  details: `Writes DIR/<as-of>/report.html: one file, no network requests, opens from disk; beside it the
CSV action lists at-risk-high-value.csv, win-back.csv and segments.csv.

  --as-of DATE     report the latest successful run with this as-of date
  --run ID         report this run (default: the latest successful run)
  --out DIR        output folder (default: reports)
  --locale L       language of the report: en or zh-CN (default: the run's, i.e. its pipeline's
                   "locale", else en)
${COMMON_DETAILS}`,
  options: { 'as-of': { type: 'string' }, run: { type: 'string' }, out: { type: 'string' }, locale: { type: 'string' } },
  positionals: [0, 0],
  async run(values, _args, io) {
    const asOf = stringFlag(values, 'as-of');
    const runFlag = stringFlag(values, 'run');
    if (runFlag !== undefined && !/^\d+$/.test(runFlag)) throw usageError(`--run expects a run id (a number), got "${runFlag}"`);
    const opts = { ...(asOf ? { asOf: parseIsoDate(asOf, '--as-of') } : {}), ...(runFlag ? { runId: Number(runFlag) } : {}) };
    const out = stringFlag(values, 'out') ?? 'reports';
    const locale = parseLocale(stringFlag(values, 'locale'));
    const path = await withDatabase(resolveDbPath(stringFlag(values, 'db')), { lockTimeoutMs: lockTimeoutFlag(values), onWait: (m) => io.err(`crm report: ${m}\n`) }, async (conn) => {
      if (opts.runId !== undefined) await checkRunId(conn, opts.runId);
      const runId = await findRun(conn, opts);
      const chosen = locale ?? (await runLocale(conn, runId));
      return writeReport(conn, runId, out, chosen ? { locale: chosen } : {});
    });
    io.out(`report: ${path}\n`);
    return 0;
  },
};
