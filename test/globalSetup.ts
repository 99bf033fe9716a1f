import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

/**
 * Build dist/ once so tests that spawn bin/crm.js run the current code. tsc emits even with type
 * errors; those are reported here and fail `npm ci` (the prepare script), not every test.
 */
export default function setup(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { encoding: 'utf8' });
  if (r.status !== 0) process.stderr.write(`tsc reported errors (dist/ was still emitted):\n${r.stdout}${r.stderr}\n`);
}
