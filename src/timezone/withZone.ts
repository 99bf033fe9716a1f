import type { Mapping } from '../load/mapping.js';

/**
 * The mapping with a default zone for order dates written without an offset (a pipeline's
 * "timezone", `crm load --timezone`) where the mapping names none: the mapping's own wins.
 *
 * @example withZone({ columns: {} }, 'America/New_York').timezone // 'America/New_York'
 */
export function withZone(m: Mapping, zone: string | undefined): Mapping {
  return zone === undefined || m.timezone !== undefined ? m : { ...m, timezone: zone };
}
