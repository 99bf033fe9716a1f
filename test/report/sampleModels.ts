import { DEFAULT_MODELS } from '../../src/models/config.js';
import type { ModelsReport } from '../../src/report/models/types.js';
import { HOSTILE_SEGMENT } from './sampleData.js';

/** Churn, CLV and model-quality data for the report tests, with a hostile customer id and reason. */
export function sampleModels(): ModelsReport {
  return {
    assumptions: {
      ...DEFAULT_MODELS,
      horizonDays: 63,
      horizon: { source: 'auto', days: 63, cycleDays: 57.5, repeatCustomers: 887, fallback: false },
    },
    repeatBuyers: 887,
    churn: {
      scoredWith: 'MBG/NBD',
      bands: [
        { band: 'low', customers: 310, share: 0.244, meanRisk: 0.31, clv: 52_400.5, historicValue: 140_200 },
        { band: 'medium', customers: 420, share: 0.331, meanRisk: 0.66, clv: 21_800, historicValue: 98_000 },
        { band: 'high', customers: 540, share: 0.425, meanRisk: 0.93, clv: 4_350.25, historicValue: 61_500 },
      ],
      highValueAtRisk: { customers: 42, clv: 18_400, valueIfKept: 52_300, historicValue: 61_000 },
      highValueTiers: ['top'],
      horizonDays: 63,
      atRisk: [
        {
          customerId: 'C-0042', segment: 'At risk', churnRisk: 0.84, pAlive: 0.31, clv: 412.5, valueIfKept: 1_330.65, historicValue: 2_310, orders: 9, recencyDays: 94,
          x: 8, txDays: 168, TDays: 262, reason: 'overdue by 3 cycles: last order 3 months ago, usually every 21 days; an order within 9 weeks is unlikely',
        },
        {
          customerId: HOSTILE_SEGMENT, segment: HOSTILE_SEGMENT, churnRisk: 0.97, pAlive: 0.05, clv: 120, valueIfKept: 2_400, historicValue: 880, orders: 1, recencyDays: 210,
          x: 0, txDays: 0, TDays: 210, reason: '<b>one order</b> 7 months ago',
        },
      ],
    },
    clv: {
      customers: 1270,
      totalClv: 78_550.75,
      totalHistoric: 299_700,
      meanClv: 61.85,
      medianClv: 22.4,
      bins: Array.from({ length: 12 }, (_, b) => ({ lower: b * 25, upper: (b + 1) * 25, customers: Math.round(600 / (b + 1)) - (b === 11 ? 0 : 20), open: b === 11 })),
      tiers: [
        { tier: 'top', customers: 254, share: 0.2, clv: 55_000, clvShare: 0.7, historicValue: 170_000, minClv: 95, meanClv: 216.5, minValueIfKept: 180 },
        { tier: 'mid', customers: 381, share: 0.3, clv: 19_000, clvShare: 0.242, historicValue: 90_000, minClv: 24.5, meanClv: 49.9, minValueIfKept: 60 },
        { tier: 'low', customers: 635, share: 0.5, clv: 4_550.75, clvShare: 0.058, historicValue: 39_700, minClv: 0, meanClv: 7.2, minValueIfKept: 0 },
      ],
    },
    fits: [
      { model: 'bgnbd', params: { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 }, logLikelihood: -9582.43, nCustomers: 1270, timeUnit: 'week', converged: true, iterations: 31, message: 'relative change of the objective below tolerance', boundary: false, usedForScoring: false },
      { model: 'mbgnbd', params: { r: 0.5248, alpha: 6.183, a: 0.8914, b: 1.614 }, logLikelihood: -9582.13, nCustomers: 1270, timeUnit: 'week', converged: true, iterations: 28, message: 'relative change of the objective below tolerance', boundary: false, usedForScoring: true },
      { model: 'gammagamma', params: { p: 6.2496, q: 3.7442, gamma: 15.4435 }, logLikelihood: -4055.92, nCustomers: 612, timeUnit: 'week', converged: true, iterations: 19, message: '658 customers excluded (no repeat purchase or mean spend ≤ 0)', boundary: false, usedForScoring: true },
    ],
    backtest: {
      runAt: '2024-06-30 08:00:00', calibrationEnd: '2023-12-31', holdoutEnd: '2024-06-30', model: 'mbgnbd', customers: 1100, holdoutBuyers: 480,
      actualPurchases: 1320, expectedPurchases: 1210.4, horizonDays: 182, churnHorizonDays: 90, aucExpectedOrders: 0.781, aucChurnRisk: 0.772,
      aucPAlive: 0.71, baselineAuc: 0.748, pearson: 0.66, rmse: 1.52,
      bands: [
        { band: 'low', customers: 253, share: 0.16, mean_risk: 0.312, observed_no_order: 0.296 },
        { band: 'medium', customers: 413, share: 0.261, mean_risk: 0.665, observed_no_order: 0.68 },
        { band: 'high', customers: 919, share: 0.58, mean_risk: 0.945, observed_no_order: 0.95 },
      ],
    },
    notes: ['churn/CLV: 3 repeat buyers have net spend ≤ 0 per repeat purchase (returns); left out of the spend fit, valued at the m̄ → 0 limit'],
  };
}
