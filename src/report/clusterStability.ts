import type { ClusterSection } from './types.js';

/**
 * A sudden drop in stability, the highlight rule (the Clusters section and highlights.ts): the adjusted Rand
 * index fell below STABILITY_DROP.floor, or by more than STABILITY_DROP.fall since the run before.
 *
 * @example stabilityDrop({ ari: 0.4, previousAri: 0.95, … }) // true
 */
export function stabilityDrop(changes: ClusterSection['changes']): boolean {
  if (changes === null || changes.ari === null) return false;
  if (changes.ari < STABILITY_DROP.floor) return true;
  return changes.previousAri !== null && changes.previousAri - changes.ari > STABILITY_DROP.fall;
}

/** An ARI under 0.5, or a fall of more than 0.2 in one run, is a sudden drop. */
export const STABILITY_DROP = { floor: 0.5, fall: 0.2 } as const;
