import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireWriterLock } from '../../src/store/lock/acquireWriterLock.js';
import { lockTimeoutMs } from '../../src/store/lock/lockTimeout.js';
import { releaseLock } from '../../src/store/lock/releaseLock.js';
import { tryAcquireLock } from '../../src/store/lock/tryAcquireLock.js';
import { withDatabase } from '../../src/store/database.js';
import { exitCodeOf } from '../../src/util/error.js';
import { withTempDir } from '../helpers/db.js';

/** The pid of a process that has already exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

const holder = (pid: number, command = 'crm schedule weekly') => ({ pid, host: hostname(), started_at: '2025-01-06T06:00:00.000Z', command });

describe('the writer lock (<db>.lock)', () => {
  afterEach(() => void delete process.env['CRM_LOCK_TIMEOUT']);

  it('is created with pid, host, start time and command, and removed on release', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'crm.duckdb');
      const release = await acquireWriterLock(db, { timeoutMs: 0, command: 'crm run weekly' });
      const content = JSON.parse(readFileSync(db + '.lock', 'utf8'));
      expect(content).toMatchObject({ pid: process.pid, host: hostname(), command: 'crm run weekly' });
      expect(Date.parse(content.started_at)).toBeGreaterThan(Date.now() - 60_000);
      release();
      expect(existsSync(db + '.lock')).toBe(false);
    });
  });

  it('a second writer waits, then fails with exit 3 naming the holder and the lock file', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'crm.duckdb');
      const release = await acquireWriterLock(db, { timeoutMs: 0, command: 'crm schedule weekly' });
      const waited: string[] = [];
      const t0 = Date.now();
      const err = await acquireWriterLock(db, { timeoutMs: 300, onWait: (m) => waited.push(m) }).catch((e: Error) => e);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(280);
      expect(err).toBeInstanceOf(Error);
      expect(exitCodeOf(err)).toBe(3);
      expect((err as Error).message).toContain(`pid ${process.pid} (crm schedule weekly`);
      expect((err as Error).message).toContain(db + '.lock');
      expect(waited).toHaveLength(1);
      release();
    });
  });

  it('takes over a stale lock whose process is dead, but not a live one', async () => {
    await withTempDir(async (dir) => {
      const lock = join(dir, 'crm.duckdb.lock');
      writeFileSync(lock, JSON.stringify(holder(deadPid())));
      const me = holder(process.pid, 'me');
      expect(tryAcquireLock(lock, me)).toBeNull();
      expect(JSON.parse(readFileSync(lock, 'utf8')).command).toBe('me');
      releaseLock(lock, me);
      writeFileSync(lock, JSON.stringify(holder(process.pid, 'live')));
      expect(tryAcquireLock(lock, me)).toMatchObject({ command: 'live' });
    });
  });

  it('release never removes a lock another process has taken since', async () => {
    await withTempDir(async (dir) => {
      const lock = join(dir, 'crm.duckdb.lock');
      writeFileSync(lock, JSON.stringify(holder(process.pid, 'other')));
      releaseLock(lock, holder(process.pid, 'me'));
      expect(existsSync(lock)).toBe(true);
    });
  });

  it('withDatabase holds the lock only while writing; read-only opens take none', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'crm.duckdb');
      await withDatabase(db, {}, async () => expect(existsSync(db + '.lock')).toBe(true));
      expect(existsSync(db + '.lock')).toBe(false);
      await withDatabase(db, { readOnly: true }, async () => expect(existsSync(db + '.lock')).toBe(false));
    });
  });

  it('timeouts come from --lock-timeout, else CRM_LOCK_TIMEOUT, else 30 s', () => {
    expect(lockTimeoutMs()).toBe(30_000);
    expect(lockTimeoutMs('2.5')).toBe(2500);
    expect(lockTimeoutMs('0')).toBe(0);
    process.env['CRM_LOCK_TIMEOUT'] = '7';
    expect(lockTimeoutMs()).toBe(7000);
    expect(() => lockTimeoutMs('soon')).toThrow(/--lock-timeout expects a number of seconds/);
    process.env['CRM_LOCK_TIMEOUT'] = '-1';
    expect(() => lockTimeoutMs()).toThrow(/CRM_LOCK_TIMEOUT/);
  });
});
