import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A `node bin/crm.js …` child process with its output collected as it arrives. */
export interface CrmProcess {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  /** resolves with the exit code (null when killed by a signal) */
  exited: Promise<number | null>;
  /** resolves with the count-th stderr line matching (default the first), rejects after `ms` */
  waitForErr: (pattern: RegExp, ms?: number, count?: number) => Promise<string>;
}

const ENV = { CRM_LOG_FORMAT: 'json' };

/** Start the real executable in the background (JSON logs). */
export function spawnCrm(args: string[], env: Record<string, string> = {}): CrmProcess {
  const child = spawn(process.execPath, ['bin/crm.js', ...args], { env: { ...process.env, ...ENV, ...env } });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const matching = (pattern: RegExp): string[] => err.split('\n').filter((l) => pattern.test(l));
  const waitForErr = async (pattern: RegExp, ms = 20_000, count = 1): Promise<string> => {
    const deadline = Date.now() + ms;
    while (matching(pattern).length < count) {
      if (Date.now() > deadline || child.exitCode !== null) {
        throw new Error(`no ${count} stderr line(s) matching ${pattern} within ${ms} ms; stderr:\n${err}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    return matching(pattern)[count - 1]!;
  };
  return { child, out: () => out, err: () => err, exited, waitForErr };
}

/** Run the real executable to completion. */
export function runCrm(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['bin/crm.js', ...args], { encoding: 'utf8', env: { ...process.env, ...ENV, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** JSON rows of a read-only query run by the real executable. */
export function queryJson(db: string, sql: string): Record<string, unknown>[] {
  const r = runCrm(['query', sql, '--format', 'json', '--db', db]);
  if (r.code !== 0) throw new Error(`query failed (${r.code}): ${r.err}`);
  return JSON.parse(r.out) as Record<string, unknown>[];
}

/** The JSON log lines of a process's stderr. */
export const logLines = (stderr: string): Record<string, unknown>[] =>
  stderr.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);

/**
 * A pipeline file (JSON, loadable by path) in `dir`; relative paths in it resolve against `dir`.
 *
 * @example writePipeline(dir, 'fast', { cron: '* * * * * *', files: ['sample.csv'] })
 */
export function writePipeline(dir: string, name: string, o: { cron: string; files: string[]; timezone?: string; asOf?: string }): string {
  const path = join(dir, `${name}.json`);
  const p = {
    name, description: `test pipeline ${name}`, schedule: { cron: o.cron, timezone: o.timezone ?? 'UTC' },
    inputs: { files: o.files, mapping: 'mapping.json' }, asOf: o.asOf ?? 'week-ending-sunday', outputs: { reportsDir: 'reports' },
  };
  writeFileSync(path, JSON.stringify(p, null, 2) + '\n');
  return path;
}

/**
 * Copy the sample mapping into `dir` and write `name` with the sample export repeated `copies`
 * times under distinct customer ids (a bigger load that takes a while).
 */
export function writeSample(dir: string, name: string, copies = 1): string {
  writeFileSync(join(dir, 'mapping.json'), readFileSync('fixtures/sample/mapping.json'));
  const [header, ...lines] = readFileSync('fixtures/sample/transactions.csv', 'utf8').trimEnd().split('\n');
  const body = Array.from({ length: copies }, (_, k) => lines.map((l) => (copies === 1 ? l : l.replace(/,C0/, `,K${k}C0`))).join('\n'));
  const path = join(dir, name);
  writeFileSync(path, [header, ...body].join('\n') + '\n');
  return path;
}
