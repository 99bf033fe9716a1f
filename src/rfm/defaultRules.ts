import type { RuleSet } from './rules.js';

/**
 * The R×F grid of DOMAIN.md §6 with R1 F1 carved out as Lost. M is ignored, and the 25 R×F
 * cells each map to exactly one segment, so no customer is left as Other.
 */
export const DEFAULT_RULES: RuleSet = {
  name: 'rfm-grid-v1 (R×F grid, R1F1 = Lost)',
  rules: [
    { segment: 'Lost', r: [1, 1], f: [1, 1], m: [1, 5], description: 'Long gone, bought rarely' },
    { segment: 'Hibernating', r: [1, 2], f: [1, 2], m: [1, 5], description: 'Not recent, few orders' },
    { segment: 'At Risk', r: [1, 2], f: [3, 4], m: [1, 5], description: 'Used to buy often, not recently' },
    { segment: "Can't Lose Them", r: [1, 2], f: [5, 5], m: [1, 5], description: 'Most frequent buyers, gone quiet' },
    { segment: 'About to Sleep', r: [3, 3], f: [1, 2], m: [1, 5], description: 'Middling recency, few orders' },
    { segment: 'Need Attention', r: [3, 3], f: [3, 3], m: [1, 5], description: 'Average on both, slipping' },
    { segment: 'Loyal Customers', r: [3, 4], f: [4, 5], m: [1, 5], description: 'Frequent and fairly recent' },
    { segment: 'Promising', r: [4, 4], f: [1, 1], m: [1, 5], description: 'Recent first-timers' },
    { segment: 'New Customers', r: [5, 5], f: [1, 1], m: [1, 5], description: 'Just made a first order' },
    { segment: 'Potential Loyalists', r: [4, 5], f: [2, 3], m: [1, 5], description: 'Recent, a few orders' },
    { segment: 'Champions', r: [5, 5], f: [4, 5], m: [1, 5], description: 'Bought recently and often' },
  ],
};
