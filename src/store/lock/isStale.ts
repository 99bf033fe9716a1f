import { hostname } from 'node:os';
import { isProcessAlive } from './isProcessAlive.js';
import type { LockHolder } from './types.js';

/**
 * A lock is stale when its holder ran on this machine and that process is gone. A holder on
 * another host cannot be checked, so it counts as alive.
 */
export const isStale = (holder: LockHolder): boolean => holder.host === hostname() && !isProcessAlive(holder.pid);
