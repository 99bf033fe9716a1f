import { usageError } from '../../util/error.js';
import { listNamedQueries } from './listNamedQueries.js';
import type { NamedQuery } from './types.js';

/** The named query called `name`, or a usage error listing the ones there are. */
export function findNamedQuery(name: string): NamedQuery {
  const all = listNamedQueries();
  const q = all.find((x) => x.name === name);
  if (!q) {
    throw usageError(`no named query "${name}"; named queries: ${all.map((x) => x.name).join(', ') || '(none)'} (crm queries). To run SQL, give the statement in quotes.`);
  }
  return q;
}
