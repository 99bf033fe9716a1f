import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withTempDir } from '../helpers/db.js';

/** The real executable, as `npx crm` runs it: a separate process with real exit codes. */
function bin(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['bin/crm.js', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('bin/crm.js', () => {
  it('prints the overview with --help and exits 0; no arguments is a usage error', () => {
    const help = bin(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('usage: crm <command>');
    expect(bin([]).code).toBe(2);
  });

  it('exits 2 on a wrong flag and 3 on a missing database, with CRM_DB honoured', async () => {
    await withTempDir(async (dir) => {
      expect(bin(['query', 'select 1', '--frmat', 'json']).code).toBe(2);
      const missing = bin(['query', 'select 1'], { CRM_DB: join(dir, 'none.duckdb') });
      expect(missing.code).toBe(3);
      expect(missing.err).toContain(join(dir, 'none.duckdb'));
    });
  });

  it('runs the weekly pipeline into CRM_DB and answers a JSON query from another process', async () => {
    await withTempDir(async (dir) => {
      const env = { CRM_DB: join(dir, 'crm.duckdb') };
      const run = bin(['run', '--out', join(dir, 'reports')], env);
      expect(run.code, run.err).toBe(0);
      expect(run.out).toContain(join(dir, 'reports', '2024-12-29', 'report.html'));
      const q = bin(['query', 'select count(*) as n from customer_scores', '--format', 'json'], env);
      expect(q.code, q.err).toBe(0);
      expect(JSON.parse(q.out)[0].n).toBeGreaterThan(1000);
    });
  });
});
