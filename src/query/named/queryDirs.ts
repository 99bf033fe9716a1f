import { join } from 'node:path';
import { packageRoot, userPath } from '../../util/paths.js';

/**
 * Folders holding named queries, searched in order: $CRM_QUERIES (your own folder, if set), then
 * the package's queries/ (queries/pipeline/ holds internal SQL and is not searched).
 */
export function queryDirs(): string[] {
  const own = process.env['CRM_QUERIES'];
  return [...(own ? [userPath(own)] : []), join(packageRoot(), 'queries')];
}
