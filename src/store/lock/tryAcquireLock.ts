import { linkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { breakStaleLock } from './breakStaleLock.js';
import { isStale } from './isStale.js';
import { readLockHolder } from './readLockHolder.js';
import type { LockHolder } from './types.js';

const UNREADABLE_GRACE_MS = 10_000;

/**
 * Try once to take the lock. The holder record is written to a private temporary file and then
 * hard-linked to the lock path: link() fails if the lock exists, so creation is atomic and a
 * reader never sees a half-written lock. A stale lock (its process is dead) is removed and taken.
 *
 * @returns null when the lock is now ours, else the current holder
 */
export function tryAcquireLock(lockPath: string, me: LockHolder): LockHolder | 'unreadable' | null {
  const tmp = `${lockPath}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, JSON.stringify(me) + '\n');
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(tmp, lockPath);
        return null;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const holder = readLockHolder(lockPath);
      if (holder === null) continue; // released in between: try again
      const stale = holder === 'unreadable' ? ageMs(lockPath) > UNREADABLE_GRACE_MS : isStale(holder);
      if (!stale) return holder;
      breakStaleLock(lockPath, holder);
    }
    return readLockHolder(lockPath) ?? 'unreadable';
  } finally {
    rmSync(tmp, { force: true });
  }
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}
