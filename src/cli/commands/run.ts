import { loadPipeline } from '../../pipeline/loadPipeline.js';
import { runPipeline } from '../../pipeline/runPipeline.js';
import { resolveDbPath, withDatabase } from '../../store/database.js';
import { parseIsoDate } from '../../util/dates.js';
import { COMMON_DETAILS, type Command } from '../command.js';
import { stringFlag } from '../parse.js';

export const runCommand: Command = {
  name: 'run',
  summary: 'run a pipeline now: load its inputs, analyze, write the report',
  synopsis: 'crm run [PIPELINE] [--as-of YYYY-MM-DD] [--out DIR] [--db PATH]',
  details: `PIPELINE is a file in pipelines/ (default: weekly). Inputs loaded before are skipped (same
checksum), so running twice does not double-count.

  --as-of DATE     override the pipeline's as-of rule
  --out DIR        override the pipeline's reports folder
${COMMON_DETAILS}`,
  options: { 'as-of': { type: 'string' }, out: { type: 'string' } },
  positionals: [0, 1],
  async run(values, [name = 'weekly'], io) {
    const pipeline = await loadPipeline(name);
    const asOf = stringFlag(values, 'as-of');
    const out = stringFlag(values, 'out');
    const db = resolveDbPath(stringFlag(values, 'db'));
    const result = await withDatabase(db, {}, (conn) =>
      runPipeline(conn, pipeline, {
        ...(asOf ? { asOf: parseIsoDate(asOf, '--as-of') } : {}),
        ...(out ? { outDir: out } : {}),
        log: (line) => io.err(`${name}: ${line}\n`),
      }),
    );
    io.out(`report: ${result.reportPath}\ndatabase: ${db}\n`);
    return 0;
  },
};
