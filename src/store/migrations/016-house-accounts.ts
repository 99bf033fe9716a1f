import type { Migration } from './types.js';

/**
 * House accounts (README "House accounts"): one id holding an implausible share of orders or
 * revenue (a marketplace operator, a wholesale account), found by the analysis step 'house'.
 * Each run stores who they were, with their totals and shares of the run's base.
 */
export const migration: Migration = {
  version: 16,
  name: 'house accounts per run',
  sql: `
    CREATE TABLE house_accounts (
      run_id INTEGER NOT NULL,
      customer_id VARCHAR NOT NULL,
      orders BIGINT NOT NULL,          -- distinct orders up to the as-of date
      revenue DOUBLE NOT NULL,         -- net revenue (purchases less returns)
      order_share DOUBLE NOT NULL,     -- of the run's orders, 0..1
      revenue_share DOUBLE NOT NULL,   -- of the run's net revenue (Σ of customers' positive nets), 0..1
      reason VARCHAR NOT NULL,         -- 'declared' | 'orders' | 'revenue' | 'orders and revenue'
      kept_in_models BOOLEAN NOT NULL  -- houseAccounts.keepInModels: true = still in the fits and clusters
    );
    -- true for the run's house accounts; NULL in runs made before they were detected
    ALTER TABLE customer_scores ADD COLUMN house_account BOOLEAN;
  `,
};
