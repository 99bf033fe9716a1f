import type { Migration } from './types.js';

export const migration: Migration = {
  version: 15,
  name: 'refunds as entries of their own; no-customer revenue per currency',
  sql: `
      -- A refund an export reports as "amount refunded" on an order (Shopify's Refunded Amount,
      -- Stripe's Amount Refunded) is stored as a row of its own: is_return, a negative amount,
      -- dated when the export says (else the order's date), is_refund true. It is never an
      -- order. Each load writes the refund not yet stored for an order (the export's cumulative
      -- amount less what earlier loads stored), so re-exports and overlapping files never count
      -- a refund twice.
      ALTER TABLE transactions ADD COLUMN is_refund BOOLEAN DEFAULT false;
      -- refund entries a load wrote and their total (positive), next to rows_loaded
      ALTER TABLE loads ADD COLUMN refunds BIGINT DEFAULT 0;
      ALTER TABLE loads ADD COLUMN refunded_amount DOUBLE DEFAULT 0;
      -- no_customer_revenue split by currency (JSON {"USD": 75, "unknown": 3}), so a
      -- report in one currency never divides by amounts in another
      ALTER TABLE loads ADD COLUMN no_customer_by_currency VARCHAR;
    `,
};
