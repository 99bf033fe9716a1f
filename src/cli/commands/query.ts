import { VARCHAR, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { bindParams, parseParamFlags } from '../../query/named/bindParams.js';
import { findNamedQuery } from '../../query/named/findNamedQuery.js';
import { referencedParams } from '../../query/named/parseQueryFile.js';
import { FORMATS, formatResult, type Format } from '../../query/format.js';
import { lockDown } from '../../query/lockDown.js';
import { runQuery } from '../../query/runQuery.js';
import { resolveDbPath, withDatabase } from '../../store/database.js';
import { usageError } from '../../util/error.js';
import { latestRunZone } from '../../timezone/runZone.js';
import { withLocalTransactions } from '../../timezone/withLocalTransactions.js';
import { COMMON_DETAILS, type Command } from '../command.js';
import { lockTimeoutFlag, stringFlag, stringsFlag } from '../parse.js';

/** A bare word (no spaces) names a named query; anything else is SQL. */
const isQueryName = (arg: string): boolean => /^[A-Za-z0-9][\w-]*$/.test(arg);

export const queryCommand: Command = {
  name: 'query',
  summary: 'run SQL or a named query (queries/*.sql) against the database, read-only unless --write',
  synopsis: 'crm query "<SQL>"|NAME [--param NAME=VALUE]... [--format table|csv|json] [--write] [--allow-files] [--db PATH]',
  details: `Reads the readers' snapshot (<db>.read.duckdb, published by every command that writes), so
a query never waits for a run and sees the last completed state; statements that would change it
are refused unless --write is given (then the database itself is opened, under the writer lock).
Views of the latest run: latest_run, latest_scores, customers, latest_segments. Tables: transactions, quarantine, loads, runs, customer_scores, rfm_rules,
rfm_bins (see README).

NAME runs a named query from queries/ (list them with \`crm queries\`); its parameters are given
with --param, checked against their declared types and bound as prepared-statement parameters,
never pasted into the SQL. A named query reads order dates in the latest run's timezone (its
days are the report's days); ad-hoc SQL sees transactions.order_date as stored, in UTC. Ad-hoc SQL may use $name parameters too (bound as text).

  --param NAME=VALUE  a parameter value (repeat for several)
  --format F       table (default), csv or json (an array of row objects)
  --write          allow a statement that writes: opens the database read-write under the writer lock
                   (tables only: files stay out of reach)
  --allow-files    let the statement reach the file system (COPY … TO, read_csv('path'), ATTACH,
                   INSTALL) and change settings; off by default
${COMMON_DETAILS}`,
  options: { format: { type: 'string' }, param: { type: 'string', multiple: true }, write: { type: 'boolean' }, 'allow-files': { type: 'boolean' } },
  positionals: [1, 1],
  async run(values, [target], io) {
    const format = (stringFlag(values, 'format') ?? 'table') as Format;
    if (!FORMATS.includes(format)) throw usageError(`--format must be one of ${FORMATS.join(', ')}, got "${format}"`);
    const given = parseParamFlags(stringsFlag(values, 'param'));
    const named = isQueryName(target!);
    const { sql, params, types } = named ? namedStatement(target!, given) : adHocStatement(target!, given);
    const write = Boolean(values['write']);
    const db = resolveDbPath(stringFlag(values, 'db'));
    const result = await withDatabase(db, { readOnly: !write, lockTimeoutMs: lockTimeoutFlag(values), onWait: (m) => io.err(`crm query: ${m}\n`) }, async (conn) => {
      if (!values['allow-files']) await lockDown(conn);
      // a named query counts days as the latest run's report did; ad-hoc SQL sees the stored UTC
      if (named) return withLocalTransactions(conn, await latestRunZone(conn), () => runQuery(conn, sql, params, types));
      return runQuery(conn, sql, params, types);
    });
    io.out(formatResult(result, format));
    return 0;
  },
};

interface Statement {
  sql: string;
  params: Record<string, DuckDBValue>;
  types?: Record<string, DuckDBType>;
}

function namedStatement(name: string, given: [string, string][]): Statement {
  const q = findNamedQuery(name);
  const { values, types } = bindParams(q, given);
  return { sql: q.sql, params: values, types };
}

function adHocStatement(sql: string, given: [string, string][]): Statement {
  if (given.length === 0) return { sql, params: {} };
  const used = referencedParams(sql);
  const params: Record<string, DuckDBValue> = {};
  const types: Record<string, DuckDBType> = {};
  for (const [name, value] of given) {
    if (!used.has(name)) throw usageError(`--param ${name}: the SQL has no $${name}`);
    params[name] = value;
    types[name] = VARCHAR;
  }
  const missing = [...used].filter((u) => !(u in params));
  if (missing.length) throw usageError(`the SQL uses ${missing.map((m) => '$' + m).join(', ')}: give --param ${missing[0]}=VALUE`);
  return { sql, params, types };
}
