import { FORMATS, formatResult, type Format } from '../../query/format.js';
import { runQuery } from '../../query/runQuery.js';
import { resolveDbPath, withDatabase } from '../../store/database.js';
import { usageError } from '../../util/error.js';
import { COMMON_DETAILS, type Command } from '../command.js';
import { stringFlag } from '../parse.js';

export const queryCommand: Command = {
  name: 'query',
  summary: 'run read-only SQL against the database',
  synopsis: 'crm query "<SQL>" [--format table|csv|json] [--db PATH]',
  details: `The database is opened read-only: statements that would change it are refused.
Tables: transactions, quarantine, loads, runs, customer_scores, rfm_rules, rfm_bins (see README).

  --format F       table (default), csv or json (an array of row objects)
${COMMON_DETAILS}`,
  options: { format: { type: 'string' } },
  positionals: [1, 1],
  async run(values, [sql], io) {
    const format = (stringFlag(values, 'format') ?? 'table') as Format;
    if (!FORMATS.includes(format)) throw usageError(`--format must be one of ${FORMATS.join(', ')}, got "${format}"`);
    const db = resolveDbPath(stringFlag(values, 'db'));
    const result = await withDatabase(db, { readOnly: true }, (conn) => runQuery(conn, sql!));
    io.out(formatResult(result, format));
    return 0;
  },
};
