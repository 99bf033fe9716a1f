import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { usageError } from '../util/error.js';
import { packageRoot } from '../util/paths.js';
import type { Pipeline } from './types.js';

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

/** Import pipelines/<name> and return its default export. */
export async function loadPipeline(name: string): Promise<Pipeline> {
  const names = pipelineNames();
  if (!names.includes(name)) {
    throw usageError(`no pipeline named "${name}"; pipelines: ${names.join(', ') || '(none in pipelines/)'}`);
  }
  const mod = (await import(pathToFileURL(join(pipelineDir(), name + ext)).href)) as { default?: Pipeline };
  if (!mod.default) throw usageError(`pipelines/${name}${ext} has no default export (use export default definePipeline({...}))`);
  return mod.default;
}
