import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../src/store/migrations/index.js';
import { snapshotPathOf } from '../../src/store/snapshot.js';
import { mulberry32 } from '../../src/util/random.js';
import { withTempDir } from '../helpers/db.js';
import { writePipeline, writeSample } from '../helpers/spawnCrm.js';

/**
 * Crash safety, tested by killing: `crm load`, `crm analyze` and `crm run` are killed at seeded
 * random moments on a database with earlier runs, and after each kill the database must open with
 * its migrations intact, hold every file wholly or not at all, keep earlier runs unchanged, offer
 * readers a complete snapshot, and let the same command complete when re-run.
 * CRM_KILL_TRIALS (default 15, which keeps CI's suite well under 10 minutes; set 100 or more for a
 * soak run) SIGKILL trials, then a fifth as many SIGTERM trials.
 */
const TRIALS = Number(process.env['CRM_KILL_TRIALS'] ?? 15);
const ENV = { ...process.env, CRM_LOG_FORMAT: 'json' };

type Kind = 'load' | 'analyze' | 'run';

/** One command of the harness, on a fresh export (load, run) or a new as-of date (analyze). */
function command(kind: Kind, dir: string, db: string, i: number): string[] {
  switch (kind) {
    case 'load':
      return ['load', variant(dir, i), '--mapping', join(dir, 'mapping.json'), '--db', db];
    case 'analyze':
      return ['analyze', '--as-of', `2024-12-${String(1 + (i % 28)).padStart(2, '0')}`, '--db', db];
    case 'run':
      variant(dir, i, 'inbox');
      return ['run', join(dir, 'inbox.json'), '--db', db];
    default:
      throw new Error(`unknown kind ${String(kind satisfies never)}`);
  }
}

/**
 * A new export: 2,000 lines of the sample under customer ids of their own, so a load has rows to
 * write while the database stays small enough for many trials.
 */
function variant(dir: string, i: number, name = `export-${i}`): string {
  const path = join(dir, `${name}.csv`);
  const [header, ...lines] = readFileSync(join(dir, 'sample.csv'), 'utf8').trimEnd().split('\n');
  const start = (i * 997) % (lines.length - 2000);
  writeFileSync(path, [header, ...lines.slice(start, start + 2000).map((l) => l.replace(/,C0/, `,T${i}C0`))].join('\n') + '\n');
  return path;
}

const crmSync = (args: string[]) => spawnSync(process.execPath, ['bin/crm.js', ...args], { encoding: 'utf8', env: ENV });

/** Start a command and send `signal` after `ms`; resolves with its exit code or signal. */
function killAfter(args: string[], ms: number, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, ['bin/crm.js', ...args], { env: ENV, stdio: 'ignore' });
  const timer = setTimeout(() => child.kill(signal), ms);
  return new Promise((resolve) => child.on('exit', (code, sig) => (clearTimeout(timer), resolve({ code, signal: sig }))));
}

async function withFile<T>(path: string, readOnly: boolean, fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
  const db = await DuckDBInstance.create(path, readOnly ? { access_mode: 'READ_ONLY' } : {});
  const c = await db.connect();
  try {
    return await fn(c);
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

const one = async (c: DuckDBConnection, sql: string): Promise<string> => String((await c.runAndReadAll(sql)).getRows()[0]![0]);
/** Row count and an order-free content checksum of every row of one run's customer_scores. */
const runChecksum = (c: DuckDBConnection, run: number) =>
  one(c, `SELECT count(*) || ':' || coalesce(sum(hash(s::VARCHAR)), 0) FROM customer_scores s WHERE run_id = ${run}`);

/** Everything a kill must not break, checked on the database and on the readers' snapshot. */
async function checkIntact(db: string, earlier: Map<number, string>): Promise<void> {
  await withFile(db, false, async (c) => {
    expect(await one(c, `SELECT count(*) || ',' || max(version) FROM schema_version`)).toBe(`${migrations.length},${Math.max(...migrations.map((m) => m.version))}`);
    // a file is loaded wholly or not at all: every loads row has exactly its rows, no row lacks its load
    expect(await one(c, `SELECT count(*) FROM loads l WHERE status = 'loaded' AND rows_loaded <> (SELECT count(*) FROM transactions t WHERE t.load_id = l.load_id)`)).toBe('0');
    expect(await one(c, 'SELECT count(*) FROM transactions WHERE load_id NOT IN (SELECT load_id FROM loads)')).toBe('0');
    expect(await one(c, `SELECT count(*) FROM (SELECT checksum FROM loads WHERE status = 'loaded' GROUP BY checksum HAVING count(*) > 1)`)).toBe('0');
    // a completed run has all its customers; earlier runs are exactly as they were
    expect(await one(c, `SELECT count(*) FROM runs r WHERE status = 'ok' AND customers <> (SELECT count(*) FROM customer_scores s WHERE s.run_id = r.run_id)`)).toBe('0');
    for (const [run, sum] of earlier) expect(await runChecksum(c, run)).toBe(sum);
  });
  await withFile(snapshotPathOf(db), true, async (c) => {
    expect(await one(c, 'SELECT count(*) FROM latest_scores')).toBe(await one(c, 'SELECT customers FROM latest_run'));
    for (const [run, sum] of earlier) expect(await runChecksum(c, run)).toBe(sum);
  });
}

describe('crash safety: killed at random moments', () => {
  it(`${TRIALS} SIGKILL and ${Math.ceil(TRIALS / 5)} SIGTERM trials over crm load, analyze and run`, async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'crm.duckdb');
      writeSample(dir, 'sample.csv');
      writePipeline(dir, 'inbox', { cron: '0 6 * * 1', files: ['inbox.csv'] });
      expect(crmSync(['load', join(dir, 'sample.csv'), '--mapping', join(dir, 'mapping.json'), '--db', db]).status).toBe(0);
      expect(crmSync(['analyze', '--as-of', '2024-06-30', '--db', db]).status).toBe(0);
      const earlier = new Map<number, string>();
      await withFile(db, true, async (c) => earlier.set(1, await runChecksum(c, 1)));

      const random = mulberry32(20261204);
      const kinds: Kind[] = ['load', 'analyze', 'run'];
      const outcomes: Record<string, number> = {};
      const trials = [...Array.from({ length: TRIALS }, () => 'SIGKILL' as const), ...Array.from({ length: Math.ceil(TRIALS / 5) }, () => 'SIGTERM' as const)];
      for (const [i, signal] of trials.entries()) {
        const kind = kinds[i % kinds.length]!;
        const args = command(kind, dir, db, i);
        // from just after node's start-up to about the end of the command (measured: load ~0.9 s, analyze ~1.6 s, run ~2.2 s)
        const [from, to] = { load: [250, 900], analyze: [300, 1600], run: [300, 2200] }[kind];
        const ms = Math.floor(from + random() * (to - from));
        const r = await killAfter(args, ms, signal);
        outcomes[`${kind} ${r.signal ?? `exit ${r.code}`}`] = (outcomes[`${kind} ${r.signal ?? `exit ${r.code}`}`] ?? 0) + 1;
        await checkIntact(db, earlier);
        // re-running completes (a killed run's row is reconciled as failed by the next run)
        const again = crmSync(args);
        expect(again.status, `${args.join(' ')} after ${signal} at ${ms} ms: ${again.stderr}`).toBe(0);
        await checkIntact(db, earlier);
        // every run completed so far must survive the kills still to come unchanged
        await withFile(db, true, async (c) => {
          for (const [id] of (await c.runAndReadAll(`SELECT run_id FROM runs WHERE status = 'ok'`)).getRows()) {
            if (!earlier.has(Number(id))) earlier.set(Number(id), await runChecksum(c, Number(id)));
          }
        });
      }
      await withFile(db, true, async (c) => expect(await one(c, `SELECT count(*) FROM runs WHERE status = 'running'`)).toBe('0'));
      // the trials must really interrupt commands, or they prove nothing
      const killed = Object.entries(outcomes).filter(([k]) => /SIG/.test(k)).reduce((n, [, v]) => n + v, 0);
      expect(killed, JSON.stringify(outcomes)).toBeGreaterThanOrEqual(TRIALS / 2);
      process.stdout.write(`kill harness outcomes: ${JSON.stringify(outcomes)}\n`);
    });
  }, 900_000);
});
