import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { usageError } from '../util/error.js';
import { packageRoot } from '../util/paths.js';
import type { Pipeline } from './types.js';
import { validatePipeline } from './validatePipeline.js';

// Built code imports compiled pipelines; under vitest (running .ts sources) the sources themselves.
const fromSource = import.meta.url.endsWith('.ts');
const pipelineDir = (): string => join(packageRoot(), fromSource ? 'pipelines' : 'dist/pipelines');
const ext = fromSource ? '.ts' : '.js';

/** Names of the pipelines in pipelines/. */
export function pipelineNames(): string[] {
  const dir = pipelineDir();
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext) && !f.endsWith('.d.ts'))
    .map((f) => f.slice(0, -ext.length))
    .sort();
}

/** A pipeline argument naming a file rather than a pipeline in pipelines/: it has a slash or a script extension. */
export const isPipelinePath = (arg: string): boolean => /[\\/]/.test(arg) || /\.(m?js|ts)$/.test(arg);

/**
 * A pipeline by name (pipelines/<name>) or by path (`./ops/nightly.js`, resolved against the
 * working directory; plain Node runs .js/.mjs files). A pipeline from a path resolves its
 * relative input, mapping, rules and report paths against its own folder.
 *
 * @example await loadPipeline('weekly'); await loadPipeline('./ops/nightly.mjs')
 */
export async function loadPipeline(nameOrPath: string): Promise<Pipeline> {
  if (isPipelinePath(nameOrPath)) return importPipeline(resolve(process.cwd(), nameOrPath), nameOrPath, dirname(resolve(process.cwd(), nameOrPath)));
  const names = pipelineNames();
  if (!names.includes(nameOrPath)) {
    throw usageError(`no pipeline named "${nameOrPath}"; pipelines: ${names.join(', ') || '(none in pipelines/)'} (or give a path to a pipeline file)`);
  }
  return importPipeline(join(pipelineDir(), nameOrPath + ext), `pipelines/${nameOrPath}${ext}`, packageRoot());
}

async function importPipeline(file: string, shown: string, baseDir: string): Promise<Pipeline> {
  if (!existsSync(file)) throw usageError(`pipeline file not found: ${shown}`);
  const mod = (await import(pathToFileURL(file).href)) as { default?: Pipeline };
  if (!mod.default) throw usageError(`${shown} has no default export (use export default definePipeline({...}))`);
  return { ...validatePipeline(mod.default, shown), baseDir: mod.default.baseDir ?? baseDir };
}
