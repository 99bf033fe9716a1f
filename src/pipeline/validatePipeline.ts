import { usageError } from '../util/error.js';
import type { AsOfRule, Pipeline } from './types.js';

const RULES: readonly AsOfRule[] = ['latest-order', 'week-ending-sunday', 'last-complete-week'];

/**
 * Check a pipeline definition's shape (a plain-JS pipeline file gets no type checking), naming
 * the file and the bad key.
 */
export function validatePipeline(p: Pipeline, shown: string): Pipeline {
  const bad = (what: string): never => {
    throw usageError(`${shown}: ${what} (see README "Pipelines")`);
  };
  if (typeof p !== 'object' || p === null) bad('the default export is not a pipeline object');
  if (typeof p.name !== 'string' || !/^[\w.-]+$/.test(p.name)) bad(`"name" must be a word (letters, digits, _ . -), got ${JSON.stringify(p.name)}`);
  if (typeof p.schedule?.cron !== 'string' || typeof p.schedule?.timezone !== 'string') bad('"schedule" needs { cron, timezone } strings');
  if (!Array.isArray(p.inputs?.files) || p.inputs.files.some((f) => typeof f !== 'string')) bad('"inputs.files" must be a list of paths or globs');
  if (!RULES.includes(p.asOf)) bad(`"asOf" must be one of ${RULES.join(', ')}, got ${JSON.stringify(p.asOf)}`);
  if (typeof p.outputs?.reportsDir !== 'string') bad('"outputs.reportsDir" must be a folder path');
  return p;
}
