import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package root (the folder holding package.json), found by walking up from this file so the
 * same code works from src/ under vitest and from dist/src/ after the build.
 */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

/** Path of a file in the package's queries/ folder. */
export const queryPath = (name: string): string => join(packageRoot(), 'queries', name);

/** Resolve a user-given path against the working directory. */
export const userPath = (p: string): string => resolve(process.cwd(), p);

const pipelineSqlCache = new Map<string, string>();

/** The text of queries/pipeline/<name>.sql, read once per process. */
export function pipelineSql(name: string): string {
  let text = pipelineSqlCache.get(name);
  if (text === undefined) {
    text = readFileSync(queryPath(`pipeline/${name}.sql`), 'utf8');
    pipelineSqlCache.set(name, text);
  }
  return text;
}
