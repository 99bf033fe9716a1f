import type { Preset } from './types.js';

/**
 * Shopify's orders export (Orders → Export, CSV for Excel or plain CSV). One row per line item;
 * an order's Total, Refunded Amount, Financial Status, Currency and Source are written on its
 * first line only, so they are order-level. Email and Created at repeat on every line.
 * `Created at` carries the store's UTC offset (2024-03-10 01:59:00 -0500). Revenue of an order
 * is Total (products, shipping and taxes, after discounts) once, less Refunded Amount.
 */
export const SHOPIFY: Preset = {
  name: 'shopify',
  title: 'Shopify orders export',
  // the headers every export version since 2016 has (73–79 columns in all)
  signature: ['Name', 'Email', 'Financial Status', 'Created at', 'Total', 'Lineitem quantity', 'Lineitem name'],
  mapping: {
    columns: {
      customer_id: 'Email',
      order_id: 'Name',
      order_date: 'Created at',
      amount: 'Total',
      refunded_amount: 'Refunded Amount',
      status: 'Financial Status',
      quantity: 'Lineitem quantity',
      unit_price: 'Lineitem price',
      // a line's SKU is often blank; its name still tells two products apart
      product_id: ['Lineitem sku', 'Lineitem name'],
      product_name: 'Lineitem name',
      currency: 'Currency',
      channel: 'Source',
      country: ['Billing Country', 'Shipping Country'],
    },
    order_level: ['amount', 'refunded_amount', 'status', 'currency', 'channel', 'country'],
  },
  required: ['customer_id', 'order_id', 'order_date', 'amount', 'status'],
};
