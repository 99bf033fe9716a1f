import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

/** Build dist/ once so tests that spawn bin/crm.js run the current code. */
export default function setup(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { stdio: 'inherit' });
}
