import type { LockHolder } from './types.js';

/**
 * One phrase naming a lock holder for messages.
 *
 * @example describeHolder(h) // 'pid 4242 (crm schedule weekly, since 2024-12-30T06:00:01Z on host db1)'
 */
export function describeHolder(h: LockHolder): string {
  return `pid ${h.pid} (${h.command || 'unknown command'}, since ${h.started_at}${h.host ? ` on host ${h.host}` : ''})`;
}
