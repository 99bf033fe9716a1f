import type { ValueTier } from '../../models/tiers.js';

/**
 * The value tiers counted as "high-value" in the highlights and the at-risk action list: `top`
 * (the 20% with the highest 12-month CLV by default) and `mid` (the next 30%). A high churn risk
 * pulls CLV down, so the top tier alone would hold almost no high-risk customer; the upper half
 * is where saving a customer still pays.
 *
 * @example `value_tier IN (${HIGH_VALUE_TIERS.map((t) => `'${t}'`).join(', ')})`
 */
export const HIGH_VALUE_TIERS: readonly ValueTier[] = ['top', 'mid'];
