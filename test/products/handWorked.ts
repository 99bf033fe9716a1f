/**
 * A hand-worked line-item log for the products step (test/products/*.test.ts), as of 2024-06-30.
 * Each line also names its product ("A Kitchen product"): the mix must name categories, not products.
 * Categories and unit prices: Kitchen 10, Garden 20, Toys 5, Books 8 (quantity 1 each). Each order
 * writes its total on its first line and 0 on the others (the Shopify shape), so a category's
 * revenue must come from quantity × unit_price. Every order also carries non-product lines (POST,
 * DOT, BANK CHARGES, M) that must never count.
 *
 * Customers (orders in braces):
 *   P1 ×6  {Kitchen, Garden} {Toys}      P2 ×4  {Kitchen, Garden}    P3 ×2  {Kitchen, Toys}
 *   P4 ×5  {Garden, Books}               P5 ×3  {Books}
 *   L1     {Kitchen}          (a year ago: lapsed)
 *   L2     {Garden} {Books}   (a year ago: lapsed)
 *   L3     {Books}            (a year ago: lapsed)
 * Customer baskets: 23; Kitchen 13, Garden 16, Toys 8, Books 10; both: K&G 10, K&T 8, G&T 6, G&B 6.
 * Order baskets: 30; Kitchen 13, Garden 16, Toys 8, Books 10; both: K&G 10, K&T 2, G&B 5.
 */
export const AS_OF = '2024-06-30';

export const PRICES: Record<string, number> = { Kitchen: 10, Garden: 20, Toys: 5, Books: 8 };

interface Pattern {
  name: string;
  copies: number;
  orders: { date: string; items: string[] }[];
}

export const PATTERNS: Pattern[] = [
  { name: 'P1', copies: 6, orders: [{ date: '2024-05-01', items: ['Kitchen', 'Garden'] }, { date: '2024-06-01', items: ['Toys'] }] },
  { name: 'P2', copies: 4, orders: [{ date: '2024-06-10', items: ['Kitchen', 'Garden'] }] },
  { name: 'P3', copies: 2, orders: [{ date: '2024-06-12', items: ['Kitchen', 'Toys'] }] },
  { name: 'P4', copies: 5, orders: [{ date: '2024-06-14', items: ['Garden', 'Books'] }] },
  { name: 'P5', copies: 3, orders: [{ date: '2024-06-16', items: ['Books'] }] },
  { name: 'L1', copies: 1, orders: [{ date: '2023-05-01', items: ['Kitchen'] }] },
  { name: 'L2', copies: 1, orders: [{ date: '2023-05-01', items: ['Garden'] }, { date: '2023-06-01', items: ['Books'] }] },
  { name: 'L3', copies: 1, orders: [{ date: '2023-05-01', items: ['Books'] }] },
];

/** Non-product lines added to orders in turn: code, category written on the line, price. */
const FEES: [code: string, category: string, price: number][] = [['POST', 'Postage', 3], ['DOT', 'Postage', 4], ['BANK CHARGES', 'Fees', 15], ['M', 'Manual', 2]];

/** Customer ids of a pattern: P1-1 … P1-6; the single ones keep their name. */
export const customerIds = (p: Pattern): string[] => (p.copies === 1 ? [p.name] : Array.from({ length: p.copies }, (_, i) => `${p.name}-${i + 1}`));

/** Each customer's set of categories. */
export function customerItems(): Map<string, Set<string>> {
  return new Map(PATTERNS.flatMap((p) => customerIds(p).map((id) => [id, new Set(p.orders.flatMap((o) => o.items))] as const)));
}

/** The CSV text of the log. */
export function handWorkedCsv(): string {
  const lines = ['customer_id,order_id,order_date,product_id,product_name,category,quantity,unit_price,amount'];
  let fee = 0;
  for (const p of PATTERNS) {
    for (const id of customerIds(p)) {
      p.orders.forEach((o, k) => {
        const [code, cat, price] = FEES[fee++ % FEES.length]!;
        const total = o.items.reduce((s, i) => s + PRICES[i]!, 0) + price;
        o.items.forEach((item, j) => lines.push(`${id},${id}-o${k + 1},${o.date},${item.toUpperCase().slice(0, 3)}1,A ${item} product,${item},1,${PRICES[item]},${j === 0 ? total : 0}`));
        lines.push(`${id},${id}-o${k + 1},${o.date},${code},${code} fee,${cat},1,${price},0`);
      });
    }
  }
  return lines.join('\n') + '\n';
}
