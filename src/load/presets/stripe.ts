import type { Preset } from './types.js';

/**
 * Stripe's payments export (Payments → Export, default columns). One row per charge: its id, the
 * amount in major units, the amount refunded so far, and a Status of Paid, Refunded or Failed.
 * A failed charge is usually retried, so only the successful attempt is a purchase; a charge
 * that was authorised but never captured took no money. Customers are matched by e-mail first,
 * then by Stripe's customer id (guest charges have an e-mail and no id).
 */
export const STRIPE: Preset = {
  name: 'stripe',
  title: 'Stripe payments export',
  signature: ['id', 'Created (UTC)', 'Amount', 'Amount Refunded', 'Currency', 'Status'],
  mapping: {
    columns: {
      customer_id: ['Customer Email', 'Customer ID'],
      order_id: 'id',
      order_date: 'Created (UTC)',
      amount: 'Amount',
      refunded_amount: 'Amount Refunded',
      status: 'Status',
      currency: 'Currency',
      product_name: 'Description',
    },
    exclude: { when: { Captured: ['false'] } },
    // `Created (UTC)` says it: not the pipeline's zone
    timezone: 'UTC',
  },
  required: ['customer_id', 'order_id', 'order_date', 'amount', 'status'],
};
