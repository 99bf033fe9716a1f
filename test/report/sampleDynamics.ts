import type { DynamicsReport } from '../../src/report/dynamics/types.js';
import { HOSTILE_SEGMENT } from './sampleData.js';

/** A small dynamics section with a hostile segment name and customer id in it. */
export function sampleDynamics(): DynamicsReport {
  return {
    previousAsOf: '2024-06-23',
    segmentMoves: [
      { from: 'Champions', to: 'Champions', customers: 120, clv: 52000 },
      { from: 'Champions', to: 'At risk', customers: 42, clv: 18400 },
      { from: 'new', to: 'New', customers: 35, clv: 2100 },
      { from: 'At risk', to: HOSTILE_SEGMENT, customers: 12, clv: null },
    ],
    stateMoves: [
      { from: 'repeat', to: 'lapsing', customers: 30, clv: null },
      { from: 'prospect', to: 'first_order', customers: 35, clv: null },
      { from: 'lapsed', to: 'won_back', customers: 4, clv: null },
    ],
    states: [
      { name: 'first_order', customers: 35, share: 0.2, revenue: 1200 },
      { name: 'lapsing', customers: 60, share: 0.35, revenue: 9000 },
      { name: 'lapsed', customers: 76, share: 0.45, revenue: 4000 },
    ],
    stages: [
      { name: 'exploration', customers: 50, share: 0.3, revenue: 1500 },
      { name: 'decline', customers: 121, share: 0.7, revenue: 12700 },
    ],
    cohorts: [
      { cohort: '2024-04', monthsSince: 0, customers: 40, active: 40, share: 1, revenue: 2000 },
      { cohort: '2024-04', monthsSince: 1, customers: 40, active: 12, share: 0.3, revenue: 600 },
      { cohort: '2024-05', monthsSince: 0, customers: 30, active: 30, share: 1, revenue: 1500 },
    ],
    pareto: Array.from({ length: 100 }, (_, i) => ({ customerShare: (i + 1) / 100, revenueShare: Math.min(1, Math.sqrt((i + 1) / 100)), clvShare: null })),
    topCustomers: [{ customerId: '"><img src=x onerror=alert(1)>', segment: 'Champions', state: 'regular', monetary: 5400, clv: null, recencyDays: 3, frequency: 22 }],
    config: { newDays: 90 },
  };
}
