import { loadFiles } from '../../load/loadFiles.js';
import { EMPTY_MAPPING, readMapping } from '../../load/mapping.js';
import type { LoadSummary } from '../../load/types.js';
import { resolveDbPath, withDatabase } from '../../store/database.js';
import { COMMON_DETAILS, type Command } from '../command.js';
import { stringFlag } from '../parse.js';

export const loadCommand: Command = {
  name: 'load',
  summary: 'load transaction exports (CSV) into the database',
  synopsis: 'crm load <file|glob>... [--mapping FILE] [--json] [--db PATH]',
  details: `Loads every row into \`transactions\`, or into \`quarantine\` with a reason; records each file in
\`loads\`. All files land in one transaction: on an error nothing is written. A file whose
checksum was loaded before is counted as duplicates and not loaded again.

  --mapping FILE   JSON column mapping (see README "Mapping format"); default: the file's
                   headers are customer_id, order_id, order_date, amount
  --json           print the counts as JSON
${COMMON_DETAILS}`,
  options: { mapping: { type: 'string' }, json: { type: 'boolean' } },
  positionals: [1, Infinity],
  async run(values, files, io) {
    const mappingPath = stringFlag(values, 'mapping');
    const mapping = mappingPath ? readMapping(mappingPath) : EMPTY_MAPPING;
    const mappingSource = mappingPath ?? 'the detected mapping (no --mapping given)';
    const db = resolveDbPath(stringFlag(values, 'db'));
    const summary = await withDatabase(db, {}, (conn) => loadFiles(conn, files, { mapping, mappingSource }));
    io.out(values['json'] ? JSON.stringify(summary) + '\n' : describe(summary, db));
    return 0;
  },
};

function describe(s: LoadSummary, db: string): string {
  const lines = s.files.map(
    (f) => `${f.path}: ${f.status}, ${f.rowsRead} rows read, ${f.loaded} loaded, ${f.duplicates} duplicates, ${f.quarantined} quarantined`,
  );
  const reasons = Object.entries(s.quarantine_reasons).map(([r, n]) => `  quarantined: ${n} × ${r}`);
  const hint = s.quarantined ? ['  see them: crm query "select * from quarantine order by load_id, source_line"'] : [];
  return [...lines, `total: ${s.rows_read} read, ${s.loaded} loaded, ${s.duplicates} duplicates, ${s.excluded} excluded, ${s.quarantined} quarantined → ${db}`, ...reasons, ...hint].join('\n') + '\n';
}
