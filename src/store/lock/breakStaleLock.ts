import { closeSync, openSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { readLockHolder } from './readLockHolder.js';
import type { LockHolder } from './types.js';

const BREAKER_MAX_AGE_MS = 30_000;

/**
 * Remove a stale lock file, if it still holds the same stale holder. Two processes may find the
 * same stale lock at once: a short-lived `.break` file (created exclusively) makes sure only one
 * of them removes it, so nobody deletes a fresh lock another process has just taken.
 */
export function breakStaleLock(lockPath: string, stale: LockHolder | 'unreadable'): void {
  const breaker = `${lockPath}.break`;
  let fd: number;
  try {
    fd = openSync(breaker, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    // another process is breaking it; a breaker left by a crash is removed after a while
    if (Date.now() - mtimeMs(breaker) > BREAKER_MAX_AGE_MS) rmSync(breaker, { force: true });
    return;
  }
  try {
    const now = readLockHolder(lockPath);
    const same = now === 'unreadable' ? stale === 'unreadable' : now !== null && stale !== 'unreadable' && now.pid === stale.pid && now.started_at === stale.started_at;
    if (same) unlinkSync(lockPath);
  } finally {
    closeSync(fd);
    rmSync(breaker, { force: true });
  }
}

function mtimeMs(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Date.now();
  }
}
