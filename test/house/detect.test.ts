import { describe, expect, it } from 'vitest';
import { DEFAULT_HOUSE_ACCOUNTS, houseConfigProblems } from '../../src/house/config.js';
import { detectHouseAccounts, leadersBeyond, shareBar, type CustomerTotals } from '../../src/house/detect.js';

const C = DEFAULT_HOUSE_ACCOUNTS;
const c = (customerId: string, orders: number, revenue: number): CustomerTotals => ({ customerId, orders, revenue });

describe('the share bar', () => {
  it('is 5% on a big base and 10 / n on a small one: 10 customers can never be implausible', () => {
    expect(shareBar(100_000, C)).toBe(0.05);
    expect(shareBar(200, C)).toBe(0.05);
    expect(shareBar(40, C)).toBe(0.25);
    expect(shareBar(10, C)).toBe(1);
    expect(shareBar(0, C)).toBe(Infinity);
  });
});

describe('leaders far beyond the rest', () => {
  it('counts the leaders that reach the bar and are gapRatio times the next', () => {
    expect(leadersBeyond([0.6, 0.03, 0.02], 0.05, 3, 3)).toBe(1);
    // two giants, both far beyond the third
    expect(leadersBeyond([0.4, 0.35, 0.02], 0.05, 3, 3)).toBe(2);
    // a leader only 1.5× the next is not flagged, nor is the next (not 3× the third)
    expect(leadersBeyond([0.12, 0.08, 0.05, 0.04], 0.05, 3, 3)).toBe(0);
    // …but when the third is far below, the two leaders are flagged together
    expect(leadersBeyond([0.12, 0.08, 0.01], 0.05, 3, 3)).toBe(2);
    // far beyond, but under the bar
    expect(leadersBeyond([0.04, 0.001], 0.05, 3, 3)).toBe(0);
    // maxAccounts caps how many: the 2nd is not 3× the 3rd, the 1st is not 3× the 2nd
    expect(leadersBeyond([0.3, 0.3, 0.3, 0.01], 0.05, 3, 2)).toBe(0);
    expect(leadersBeyond([0.3, 0.3, 0.3, 0.01], 0.05, 3, 3)).toBe(3);
    expect(leadersBeyond([0.9], 0.05, 3, 0)).toBe(0);
  });
});

describe('detectHouseAccounts', () => {
  const base = { customers: 1000, orders: 10_000, revenue: 1_000_000 };
  it('flags a wholesale account by revenue alone, a marketplace by orders alone', () => {
    const found = detectHouseAccounts([c('wholesale', 50, 300_000), c('market', 4000, 40_000), c('a', 40, 9_000), c('b', 30, 8_000)], base, C);
    expect(found.map((h) => [h.customerId, h.reason, h.orderShare, h.revenueShare])).toEqual([
      ['wholesale', 'revenue', 0.005, 0.3],
      // 40,000 is 4%, under the bar of 5%: it leads on orders only
      ['market', 'orders', 0.4, 0.04],
    ]);
  });

  it('compares the others with each other, not with a declared id, and counts a negative net as no revenue', () => {
    const found = detectHouseAccounts([c('own', 9000, -500), c('x', 600, 200_000), c('y', 50, 10_000)], base, { ...C, ids: ['own'] });
    expect(found).toEqual([
      { customerId: 'x', orders: 600, revenue: 200_000, orderShare: 0.06, revenueShare: 0.2, reason: 'orders and revenue' },
      { customerId: 'own', orders: 9000, revenue: -500, orderShare: 0.9, revenueShare: 0, reason: 'declared' },
    ]);
  });

  it('flags nothing on a base too small to tell', () => {
    expect(detectHouseAccounts([c('a', 5, 500), c('b', 1, 10)], { customers: 8, orders: 12, revenue: 600 }, C)).toEqual([]);
  });
});

describe('house-account settings', () => {
  it('names each bad key', () => {
    expect(houseConfigProblems(C)).toEqual([]);
    expect(houseConfigProblems({ ...C, minShare: 2, gapRatio: 0.5, maxAccounts: 1.5, ids: [''] })).toEqual([
      'houseAccounts.ids: must be a list of customer ids (non-empty strings), got [""]',
      'houseAccounts.minShare: must be a share between 0 and 1, got 2',
      'houseAccounts.gapRatio: must be a number ≥ 1 (times the next customer\'s share), got 0.5',
      'houseAccounts.maxAccounts: must be a whole number ≥ 0, got 1.5',
    ]);
  });
});
