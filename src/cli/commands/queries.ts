import { signature } from '../../query/named/bindParams.js';
import { listNamedQueries } from '../../query/named/listNamedQueries.js';
import { queryDirs } from '../../query/named/queryDirs.js';
import { usageError } from '../../util/error.js';
import { COMMON_DETAILS, type Command } from '../command.js';
import { stringFlag } from '../parse.js';

export const queriesCommand: Command = {
  name: 'queries',
  summary: 'list the named queries (queries/*.sql) with their descriptions and parameters',
  synopsis: 'crm queries [--format text|json]',
  details: `Named queries are SQL files with a header declaring name, description and typed
parameters (see README "Named queries"). They are read from $CRM_QUERIES (if set), then the
package's queries/ folder. Run one with: crm query NAME --param NAME=VALUE ...

  --format F       text (default) or json
${COMMON_DETAILS}`,
  options: { format: { type: 'string' } },
  positionals: [0, 0],
  async run(values, _args, io) {
    const format = stringFlag(values, 'format') ?? 'text';
    if (format !== 'text' && format !== 'json') throw usageError(`--format must be text or json, got "${format}"`);
    const all = listNamedQueries();
    if (format === 'json') {
      io.out(JSON.stringify(all.map(({ name, description, params, file }) => ({ name, description, params, file })), null, 2) + '\n');
      return 0;
    }
    if (all.length === 0) io.out(`no named queries in ${queryDirs().join(', ')}\n`);
    for (const q of all) {
      io.out(`${q.name}\n  ${q.description || '(no description)'}\n`);
      const width = Math.max(0, ...q.params.map((p) => signature(p).length));
      for (const p of q.params) {
        io.out(`  --param ${signature(p).padEnd(width)}${p.required ? ' (required)' : ''}${p.description ? '  ' + p.description : ''}\n`);
      }
      io.out(`  e.g. crm query ${q.name}${q.params.filter((p) => p.required).map((p) => ` --param ${p.name}=…`).join('')}\n\n`);
    }
    return 0;
  },
};
