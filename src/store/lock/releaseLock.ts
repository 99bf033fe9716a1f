import { rmSync } from 'node:fs';
import { readLockHolder } from './readLockHolder.js';
import type { LockHolder } from './types.js';

/** Remove the lock file if it is still ours (never another process's lock). */
export function releaseLock(lockPath: string, me: LockHolder): void {
  const now = readLockHolder(lockPath);
  if (now && now !== 'unreadable' && now.pid === me.pid && now.started_at === me.started_at && now.command === me.command) rmSync(lockPath, { force: true });
}
