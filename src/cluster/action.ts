import type { ClusterNameParts } from './names.js';

/** A suggested campaign per cluster, stored as a code in cluster_profiles.action and the segment CSV. */
export const CLUSTER_ACTIONS = ['win_back', 'second_order', 'reward', 'upsell'] as const;
export type ClusterAction = (typeof CLUSTER_ACTIONS)[number];

/**
 * The suggested action from what the cluster's name says, first rule that applies:
 * 1. lapsed (typical recency beyond NAMING.lapsedCycles purchase cycles) → win_back;
 * 2. one-timers → second_order (nurture to a second order);
 * 3. high spenders → reward (keep the best close: loyalty perks, early access);
 * 4. everyone else (repeat buyers of low or mid spend, not lapsed) → upsell.
 * Names carry hysteresis, so the action changes only when the name does.
 *
 * @example clusterAction({ recency: 'lapsed', frequency: null, spend: 'high', oneTimers: false }) // 'win_back'
 */
export function clusterAction(p: ClusterNameParts): ClusterAction {
  if (p.recency === 'lapsed') return 'win_back';
  if (p.oneTimers) return 'second_order';
  if (p.spend === 'high') return 'reward';
  return 'upsell';
}
