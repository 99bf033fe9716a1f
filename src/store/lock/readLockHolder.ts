import { readFileSync } from 'node:fs';
import type { LockHolder } from './types.js';

/**
 * The holder recorded in a lock file: null when there is no lock file, 'unreadable' when its
 * content is not a holder (the file is always written whole, so that means someone else wrote it).
 */
export function readLockHolder(lockPath: string): LockHolder | null | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(lockPath, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  try {
    const h = JSON.parse(text) as Partial<LockHolder>;
    if (typeof h.pid !== 'number' || typeof h.started_at !== 'string') return 'unreadable';
    return { pid: h.pid, host: String(h.host ?? ''), started_at: h.started_at, command: String(h.command ?? '') };
  } catch {
    return 'unreadable';
  }
}
