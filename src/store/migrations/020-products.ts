import type { Migration } from './types.js';

/** What customers buy (README "Products and categories"): mix per group, cross-sell rules, offers. */
export const migration: Migration = {
  version: 20,
  name: 'products: category or product mix per segment, cluster and value tier; cross-sell rules; next-best offers',
  sql: `
      -- One row per (group, item) of a run. item_kind is 'category' when the log has categories,
      -- else 'product' (the top products by customers). group_kind 'all' is the whole base.
      -- customer_share = group customers who bought the item / group customers; revenue_share = the
      -- item's product revenue / the group's product revenue; the lifts divide by the base's shares.
      CREATE TABLE product_mix (
        run_id INTEGER NOT NULL,
        item_kind VARCHAR NOT NULL,
        group_kind VARCHAR NOT NULL, -- 'all' | 'segment' | 'cluster' | 'value_tier'
        group_value VARCHAR NOT NULL,
        item VARCHAR NOT NULL,
        item_name VARCHAR NOT NULL,
        customers BIGINT NOT NULL,
        group_customers BIGINT NOT NULL,
        customer_share DOUBLE NOT NULL,
        revenue DOUBLE NOT NULL,
        revenue_share DOUBLE,
        customer_lift DOUBLE,
        revenue_lift DOUBLE
      );
      -- Association rules antecedent → consequent over baskets: a customer's items ('customer') or
      -- one order's items ('order'). support = both / baskets, confidence = both / antecedent,
      -- lift = confidence / (consequent / baskets). Kept: both ≥ min_count, lift > 1, the best
      -- rules per antecedent (README).
      CREATE TABLE product_pairs (
        run_id INTEGER NOT NULL,
        item_kind VARCHAR NOT NULL,
        scope VARCHAR NOT NULL,
        antecedent VARCHAR NOT NULL,
        consequent VARCHAR NOT NULL,
        antecedent_name VARCHAR NOT NULL,
        consequent_name VARCHAR NOT NULL,
        baskets BIGINT NOT NULL,
        antecedent_count BIGINT NOT NULL,
        consequent_count BIGINT NOT NULL,
        both_count BIGINT NOT NULL,
        support DOUBLE NOT NULL,
        confidence DOUBLE NOT NULL,
        lift DOUBLE NOT NULL,
        min_count BIGINT NOT NULL
      );
      -- The next-best offer of each customer at risk (churn band high) or lapsing/lapsed: an item
      -- not bought yet. basis 'pair': because_item → offer is the best rule; 'segment': the item
      -- most bought in the customer's segment. share = confidence (pair) or segment share.
      CREATE TABLE product_offers (
        run_id INTEGER NOT NULL,
        customer_id VARCHAR NOT NULL,
        item_kind VARCHAR NOT NULL,
        offer VARCHAR NOT NULL,
        offer_name VARCHAR NOT NULL,
        basis VARCHAR NOT NULL,
        because VARCHAR NOT NULL,
        share DOUBLE NOT NULL,
        lift DOUBLE,
        reason VARCHAR NOT NULL
      );
      -- Lines the product analysis left out as no product (a non-product code, a negative price).
      CREATE TABLE product_excluded (
        run_id INTEGER NOT NULL,
        product_id VARCHAR,
        product_name VARCHAR,
        lines BIGINT NOT NULL,
        amount DOUBLE NOT NULL
      );
      -- Product revenue by item by week (weeks as weekly_trend: ending on the as-of weekday).
      CREATE TABLE product_weekly (
        run_id INTEGER NOT NULL,
        item_kind VARCHAR NOT NULL,
        week_start DATE NOT NULL,
        item VARCHAR NOT NULL,
        revenue DOUBLE NOT NULL
      );
    `,
};
