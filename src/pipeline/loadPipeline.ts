import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { suggestion } from '../util/didYouMean.js';
import { usageError } from '../util/error.js';
import { packageRoot } from '../util/paths.js';
import { checkPipelinePaths } from './checkPipelinePaths.js';
import { PIPELINE_EXTENSIONS, readPipelineFile } from './readPipelineFile.js';
import type { Pipeline } from './types.js';
import { validatePipeline } from './validatePipeline.js';

const pipelineDir = (): string => join(packageRoot(), 'pipelines');

/** The pipelines/ files that are pipelines, by name (a .json file wins over a .mjs/.js of the same name). */
function pipelineFiles(): Map<string, string> {
  const dir = pipelineDir();
  const files = new Map<string, string>();
  if (!existsSync(dir)) return files;
  for (const ext of PIPELINE_EXTENSIONS) {
    for (const f of readdirSync(dir).sort()) {
      const name = f.slice(0, -ext.length);
      if (f.endsWith(ext) && !files.has(name)) files.set(name, f);
    }
  }
  return files;
}

/**
 * Names of the pipelines in pipelines/ (files ending .json, .mjs, .js or .cjs).
 *
 * @example pipelineNames() // ['weekly']
 */
export function pipelineNames(): string[] {
  return [...pipelineFiles().keys()].sort();
}

/**
 * A pipeline argument naming a file rather than a pipeline in pipelines/: it has a slash or a file extension.
 *
 * @example isPipelinePath('weekly') // false; isPipelinePath('shop.json') // true
 */
export const isPipelinePath = (arg: string): boolean => /[\\/]/.test(arg) || /\.(json|[mc]?js|[mc]?ts)$/i.test(arg);

/**
 * A pipeline by name (pipelines/<name>.json) or by path (`./ops/nightly.json`, resolved against
 * the working directory), read and checked at run time: editing the file needs no build. A
 * pipeline in pipelines/ resolves its relative paths against the repo root (however it is named);
 * one elsewhere against its own folder.
 *
 * @example await loadPipeline('weekly'); await loadPipeline('./ops/nightly.json')
 */
export async function loadPipeline(nameOrPath: string): Promise<Pipeline> {
  if (isPipelinePath(nameOrPath)) {
    const file = resolve(process.cwd(), nameOrPath);
    const inRepo = dirname(file) === pipelineDir();
    return readChecked(file, inRepo ? relative(packageRoot(), file) : nameOrPath, inRepo ? packageRoot() : dirname(file));
  }
  const files = pipelineFiles();
  const file = files.get(nameOrPath);
  if (file === undefined) throw usageError(unknownPipeline(nameOrPath, [...files.keys()].sort()));
  return readChecked(join(pipelineDir(), file), `pipelines/${file}`, packageRoot());
}

async function readChecked(file: string, shown: string, baseDir: string): Promise<Pipeline> {
  const raw = await readPipelineFile(file, shown);
  const p = validatePipeline(raw, shown);
  checkPipelinePaths(p, shown, baseDir);
  return { ...p, baseDir, source: shown };
}

function unknownPipeline(name: string, names: string[]): string {
  const ts = ['.ts', '.mts'].find((ext) => existsSync(join(pipelineDir(), name + ext)));
  if (ts) return `pipelines/${name}${ts} is TypeScript, which is not run without a build step: write it as pipelines/${name}.json (the same keys; see README "Pipelines")`;
  return `no pipeline named "${name}"${suggestion(name, names)}; pipelines: ${names.join(', ') || '(none in pipelines/)'} ` +
    `(a pipeline is pipelines/<name>.json; or give a path to a pipeline file)`;
}
