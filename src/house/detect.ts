import type { HouseAccountsConfig } from './config.js';

/** One customer's totals: distinct orders and net revenue. */
export interface CustomerTotals {
  customerId: string;
  orders: number;
  revenue: number;
}

/** The whole base the shares are of. */
export interface BaseTotals {
  customers: number;
  orders: number;
  /** Σ max(net revenue, 0) over customers: a customer whose returns outweigh purchases adds nothing */
  revenue: number;
}

/** Why an id is a house account: declared in the settings, or the share rule on orders and/or revenue. */
export type HouseReason = 'declared' | 'orders' | 'revenue' | 'orders and revenue';

export interface HouseAccount extends CustomerTotals {
  /** share of the base's orders (0..1) */
  orderShare: number;
  /** share of the base's net revenue (0..1; 0 when the customer's net is ≤ 0) */
  revenueShare: number;
  reason: HouseReason;
}

/**
 * The share a customer must reach to be implausible on a base of `customers`: minShare, raised to
 * fairShareMultiple times an even share on small bases (10 customers: 100%, i.e. never).
 *
 * @example shareBar(1000, DEFAULT_HOUSE_ACCOUNTS) // 0.05; shareBar(40, DEFAULT_HOUSE_ACCOUNTS) // 0.25
 */
export const shareBar = (customers: number, c: Pick<HouseAccountsConfig, 'minShare' | 'fairShareMultiple'>): number =>
  Math.max(c.minShare, customers > 0 ? c.fairShareMultiple / customers : Infinity);

/**
 * How many of the leading shares (sorted high to low) are far beyond the rest: the largest k ≤ max
 * whose k-th share reaches the bar and is at least gapRatio times the (k+1)-th. Two giants far
 * above everyone else are both flagged; a leader only a little ahead of the next is not.
 *
 * @example leadersBeyond([0.6, 0.03, 0.02], 0.05, 3, 3) // 1; leadersBeyond([0.12, 0.08], 0.05, 3, 3) // 0
 */
export function leadersBeyond(shares: readonly number[], bar: number, gapRatio: number, max: number): number {
  for (let k = Math.min(max, shares.length); k >= 1; k--) {
    const share = shares[k - 1]!;
    if (share >= bar && share >= gapRatio * (shares[k] ?? 0) && share > 0) return k;
  }
  return 0;
}

/**
 * House accounts among `candidates`: the declared ids, then, among the others, the leaders by
 * share of orders and by share of net revenue that pass leadersBeyond against shareBar. The
 * candidates must hold every declared id present and the top maxAccounts + 1 other customers by
 * each measure (the callers read that many from the base). Sorted by revenue share, then orders.
 *
 * @example detectHouseAccounts([{ customerId: 'amazon', orders: 600, revenue: 9000 }, …], { customers: 200, orders: 1000, revenue: 20000 }, DEFAULT_HOUSE_ACCOUNTS)
 *   // [{ customerId: 'amazon', orderShare: 0.6, revenueShare: 0.45, reason: 'orders and revenue', … }]
 */
export function detectHouseAccounts(candidates: readonly CustomerTotals[], base: BaseTotals, c: HouseAccountsConfig): HouseAccount[] {
  const declared = new Set(c.ids);
  const unique = [...new Map(candidates.map((x) => [x.customerId, x])).values()];
  const withShares = unique.map((x) => ({
    ...x,
    orderShare: base.orders > 0 ? x.orders / base.orders : 0,
    revenueShare: base.revenue > 0 ? Math.max(x.revenue, 0) / base.revenue : 0,
  }));
  const others = withShares.filter((x) => !declared.has(x.customerId));
  const bar = shareBar(base.customers, c);
  const leaders = (key: 'orderShare' | 'revenueShare'): Set<string> => {
    const sorted = [...others].sort((a, b) => b[key] - a[key] || a.customerId.localeCompare(b.customerId));
    const k = leadersBeyond(sorted.map((x) => x[key]), bar, c.gapRatio, c.maxAccounts);
    return new Set(sorted.slice(0, k).map((x) => x.customerId));
  };
  const byOrders = leaders('orderShare');
  const byRevenue = leaders('revenueShare');
  const reason = (id: string): HouseReason | null =>
    declared.has(id) ? 'declared' : byOrders.has(id) && byRevenue.has(id) ? 'orders and revenue' : byOrders.has(id) ? 'orders' : byRevenue.has(id) ? 'revenue' : null;
  return withShares
    .flatMap((x) => {
      const why = reason(x.customerId);
      return why === null ? [] : [{ ...x, reason: why }];
    })
    .sort((a, b) => b.revenueShare - a.revenueShare || b.orderShare - a.orderShare || a.customerId.localeCompare(b.customerId));
}
