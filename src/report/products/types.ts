import type { ItemKind } from '../../products/chooseItemKind.js';

/** One (group, item) cell of product_mix. */
export interface MixCell {
  groupKind: 'all' | 'segment' | 'cluster' | 'value_tier';
  group: string;
  item: string;
  name: string;
  customers: number;
  groupCustomers: number;
  customerShare: number;
  revenueShare: number | null;
  customerLift: number | null;
}

/** One cross-sell rule of product_pairs. */
export interface PairRule {
  scope: 'customer' | 'order';
  antecedent: string;
  consequent: string;
  both: number;
  baskets: number;
  support: number;
  confidence: number;
  lift: number;
  minCount: number;
}

/** An item whose share of product revenue moved since the previous run (percentage points). */
export interface ShareChange {
  name: string;
  share: number;
  previous: number;
}

/** What the products section shows; null for runs made before it or with no product data. */
export interface ProductsReport {
  itemKind: ItemKind;
  /** products in the mix when there is no category (the top N by customers) */
  topProducts: number;
  mix: MixCell[];
  pairs: PairRule[];
  /** codes left out as no product: by the products step (with lines) and by the loader's exclude.product_ids */
  excluded: { code: string; name: string | null; lines: number }[];
  loaderExcluded: { code: string; lines: number }[];
  /** offers per item and basis, most offered first */
  offers: { name: string; basis: 'pair' | 'segment'; customers: number }[];
  changes: ShareChange[];
  /** revenue by item by week (the top items), for the trend chart */
  weekly: { weekStart: string; name: string; revenue: number }[];
}
