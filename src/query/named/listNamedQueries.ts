import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseQueryFile } from './parseQueryFile.js';
import { queryDirs } from './queryDirs.js';
import type { NamedQuery } from './types.js';

/**
 * Every named query (*.sql directly in the query folders), sorted by name. A name found in an
 * earlier folder hides the same name in a later one.
 *
 * @example (await listNamedQueries()).map((q) => q.name) // ['cohorts', 'customer-history', …]
 */
export function listNamedQueries(dirs: string[] = queryDirs()): NamedQuery[] {
  const byName = new Map<string, NamedQuery>();
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()) {
      const q = parseQueryFile(readFileSync(join(dir, f), 'utf8'), join(dir, f));
      if (!byName.has(q.name)) byName.set(q.name, q);
    }
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}
