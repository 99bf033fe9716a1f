import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { usageError } from '../util/error.js';
import type { Pipeline } from './types.js';

/**
 * Refuse a pipeline whose mapping or rules file is missing before anything runs, naming the key,
 * the path looked at and where relative paths resolve. Input files are not checked here: a glob
 * may match nothing yet, and a missing named export fails its run visibly (recorded in `runs`).
 *
 * @example checkPipelinePaths(pipeline, 'ops/shop.json', '/srv/crm/ops')
 */
export function checkPipelinePaths(p: Pipeline, shown: string, baseDir: string): void {
  const problems: string[] = [];
  const paths: [string, string | undefined][] = [['inputs.mapping', p.inputs.mapping], ['rules', p.rules]];
  for (const [key, path] of paths) {
    if (path === undefined) continue;
    const full = isAbsolute(path) ? path : join(baseDir, path);
    if (!existsSync(full)) problems.push(`${key}: no file at ${full} (relative paths resolve against ${baseDir}); fix the path or remove the key`);
  }
  if (problems.length) throw usageError(`${shown}: ${problems.join('; ')} (see README "Pipelines")`);
}
