import { FORMATS, formatResult, type Format } from '../../query/format.js';
import type { Cell } from '../../query/runQuery.js';
import { listRuns } from '../../runs/listRuns.js';
import { resolveDbPath, withDatabase } from '../../store/database.js';
import { usageError } from '../../util/error.js';
import { COMMON_DETAILS, type Command } from '../command.js';
import { shortRunsTable } from '../runsTable.js';
import { lockTimeoutFlag, stringFlag } from '../parse.js';

export const runsCommand: Command = {
  name: 'runs',
  summary: 'list the run history: pipeline, as-of date, trigger, status, step timings and row counts, error',
  synopsis: 'crm runs [--pipeline P] [--limit N] [--details] [--format table|csv|json] [--db PATH]',
  details: `Newest first. The table shows one line per run that fits 100 columns (id, pipeline, as-of,
trigger, status, start, seconds, customers), then the failed runs' errors, one line each.
--details adds the rows loaded and the step timings in milliseconds (step_ms), in wider lines;
csv and json give every column, json with \`steps\` as an object (step → {ms, row counts}).
Read-only: works while the scheduler idles.

  --pipeline P     only runs of this pipeline
  --limit N        how many runs (default 20)
  --details        the table with rows loaded and step timings (wider than 100 columns)
  --format F       table (default), csv or json
${COMMON_DETAILS}`,
  options: { pipeline: { type: 'string' }, details: { type: 'boolean' }, limit: { type: 'string' }, format: { type: 'string' } },
  positionals: [0, 0],
  async run(values, _args, io) {
    const format = (stringFlag(values, 'format') ?? 'table') as Format;
    if (!FORMATS.includes(format)) throw usageError(`--format must be one of ${FORMATS.join(', ')}, got "${format}"`);
    const limitFlag = stringFlag(values, 'limit') ?? '20';
    if (!/^\d+$/.test(limitFlag) || Number(limitFlag) < 1) throw usageError(`--limit expects a positive whole number, got "${limitFlag}"`);
    const pipeline = stringFlag(values, 'pipeline');
    const details = values['details'] === true;
    const db = resolveDbPath(stringFlag(values, 'db'));
    const result = await withDatabase(db, { readOnly: true, lockTimeoutMs: lockTimeoutFlag(values), onWait: (m) => io.err(`crm runs: ${m}\n`) }, (conn) =>
      listRuns(conn, { limit: Number(limitFlag), view: format !== 'table' ? 'all' : details ? 'details' : 'short', ...(pipeline ? { pipeline } : {}) }),
    );
    if (format === 'table' && !details) {
      io.out(shortRunsTable(result));
      return 0;
    }
    if (format === 'json') {
      const i = result.columns.indexOf('steps');
      result.rows = result.rows.map((r) => r.map((v, j) => (j === i && typeof v === 'string' ? (JSON.parse(v) as Cell) : v)));
    }
    io.out(formatResult(result, format));
    return 0;
  },
};
