import type { CanonicalField, Mapping } from './mapping.js';

// Header names seen in common exports (Shopify, WooCommerce, the UCI Online Retail set, ERP
// dumps), compared case-insensitively with spaces, dashes and underscores ignored.
const SYNONYMS: Record<CanonicalField, string[]> = {
  customer_id: ['customer_id', 'customerid', 'customer', 'customer_no', 'customer_number', 'client_id', 'clientid', 'buyer_id', 'user_id', 'member_id', 'customer_email', 'email'],
  order_id: ['order_id', 'orderid', 'invoice', 'invoiceno', 'invoice_no', 'invoice_id', 'invoice_number', 'order', 'order_no', 'order_number', 'transaction_id'],
  order_date: ['order_date', 'orderdate', 'invoicedate', 'invoice_date', 'date', 'transaction_date', 'purchase_date', 'created_at', 'order_datetime'],
  amount: ['amount', 'total', 'order_total', 'line_total', 'sales', 'revenue', 'value', 'dollar_value', 'net_amount'],
  quantity: ['quantity', 'qty', 'units', 'number_of_items'],
  unit_price: ['unit_price', 'unitprice', 'price', 'item_price'],
  product_id: ['product_id', 'productid', 'stockcode', 'stock_code', 'sku', 'item_id', 'product_code'],
  product_name: ['product_name', 'description', 'product', 'item_name', 'title'],
  category: ['category', 'product_category'],
  channel: ['channel', 'sales_channel'],
  country: ['country', 'country_code'],
  currency: ['currency', 'currency_code', 'currency_iso'],
  refunded_amount: ['refunded_amount', 'amount_refunded', 'refunded', 'refund_amount', 'refunds'],
  refund_date: ['refund_date', 'refunded_at', 'refund_created_at'],
  // not plain "status": that is often a delivery status (shipped, delivered), not a payment's
  status: ['financial_status', 'payment_status'],
};

const norm = (s: string): string => s.toLowerCase().replace(/[\s_\-.]+/g, '');

/**
 * Fill in the mapping's missing columns from usual header names. Explicit columns always win.
 *
 * @example detectColumns({ columns: {} }, ['Customer ID', 'InvoiceDate', 'Amount']).columns
 *   // { customer_id: 'Customer ID', order_date: 'InvoiceDate', amount: 'Amount' }
 */
export function detectColumns(m: Mapping, headers: string[]): Mapping {
  const taken = new Set(Object.values(m.columns));
  const columns = { ...m.columns };
  for (const field of Object.keys(SYNONYMS) as CanonicalField[]) {
    if (columns[field] !== undefined) continue;
    const wanted = SYNONYMS[field].map(norm);
    const hit = wanted.map((w) => headers.find((h) => !taken.has(h) && norm(h) === w)).find((h) => h !== undefined);
    if (hit !== undefined) {
      columns[field] = hit;
      taken.add(hit);
    }
  }
  return { ...m, columns };
}
