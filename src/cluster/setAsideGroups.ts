import { medianInPlace } from './median.js';
import type { RfmValues } from './profile.js';
import { SET_ASIDE_REASONS, type SetAsideReason } from './setAside.js';

/** One set-aside group of a run, as stored in cluster_set_aside. */
export interface SetAsideGroup {
  reason: SetAsideReason;
  customers: number;
  /** Of all the run's customers. */
  share: number;
  /** Of all the run's net spend (NaN when that is 0). */
  revenueShare: number;
  median: RfmValues;
}

/**
 * Size, shares and median recency, orders and net spend of each non-empty set-aside group.
 *
 * @example setAsideGroups(result.code, { recencyDays, frequency, monetary })[0].reason // 'no_net_spend'
 */
export function setAsideGroups(code: Uint8Array, rfm: { recencyDays: Float64Array; frequency: Float64Array; monetary: Float64Array }): SetAsideGroup[] {
  const n = code.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += rfm.monetary[i]!;
  return SET_ASIDE_REASONS.flatMap((reason, r) => {
    const members: number[] = [];
    for (let i = 0; i < n; i++) if (code[i] === r + 1) members.push(i);
    if (members.length === 0) return [];
    const medianOf = (values: Float64Array): number => {
      const copy = Float64Array.from(members, (i) => values[i]!);
      return medianInPlace(copy, 0, copy.length);
    };
    const spend = members.reduce((s, i) => s + rfm.monetary[i]!, 0);
    return [{
      reason,
      customers: members.length,
      share: members.length / n,
      revenueShare: total !== 0 ? spend / total : Number.NaN,
      median: { recencyDays: medianOf(rfm.recencyDays), frequency: medianOf(rfm.frequency), monetary: medianOf(rfm.monetary) },
    }];
  });
}
