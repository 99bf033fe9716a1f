import { existsSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { usageError } from '../util/error.js';

/** Pipeline file formats read at run time, no build step: JSON, and JavaScript modules Node runs as they are. */
export const PIPELINE_EXTENSIONS = ['.json', '.mjs', '.js', '.cjs'] as const;
const TYPESCRIPT = ['.ts', '.mts', '.cts'];

/**
 * The raw content of a pipeline file, not yet checked: a .json file parsed (a syntax error names
 * its line and column), a .js/.mjs/.cjs module's default export. A .ts file is refused with the
 * way out (Node runs no TypeScript without a build).
 *
 * @example await readPipelineFile('/srv/crm/pipelines/shop.json', 'pipelines/shop.json')
 */
export async function readPipelineFile(file: string, shown: string): Promise<unknown> {
  const ext = extname(file).toLowerCase();
  if (TYPESCRIPT.includes(ext)) {
    throw usageError(
      `${shown} is TypeScript, which Node does not run without a build step. Write the pipeline as JSON ` +
        `(${shown.slice(0, -ext.length)}.json, the same keys; see README "Pipelines"), or compile it and give the .js file`,
    );
  }
  if (!(PIPELINE_EXTENSIONS as readonly string[]).includes(ext)) {
    throw usageError(`${shown}: a pipeline file must end in ${PIPELINE_EXTENSIONS.join(', ')} (JSON is the usual one; see README "Pipelines")`);
  }
  if (!existsSync(file)) throw usageError(`pipeline file not found: ${shown}`);
  if (ext === '.json') return parseJson(readFileSync(file, 'utf8'), shown);
  const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
  if (mod.default === undefined) throw usageError(`${shown} has no default export (use export default { name: …, … }, or write the pipeline as JSON)`);
  return mod.default;
}

function parseJson(text: string, shown: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')); // a BOM from a Windows editor is not an error
  } catch (err) {
    const message = (err as Error).message;
    const at = /position (\d+)/.exec(message);
    const where = at ? ` at ${lineColumn(text, Number(at[1]))}` : '';
    throw usageError(`${shown} is not valid JSON${where}: ${message} (JSON wants double-quoted keys and strings, no trailing commas, no comments; use a "$comment" key for notes)`);
  }
}

function lineColumn(text: string, position: number): string {
  const before = text.slice(0, position).split('\n');
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}
