import type { DuckDBConnection } from '@duckdb/node-api';

/** What the product analysis counts: categories, products, or nothing (the log has neither). */
export type ItemKind = 'category' | 'product';

/** Counts the choice is made from: purchase lines of the run's window and how many carry each field. */
export interface ItemCounts {
  lines: number;
  withCategory: number;
  withProduct: number;
}

/**
 * Categories when at least `minCategoryShare` of the lines carry one (a category is what a campaign
 * is planned by, and a short list reads in a heatmap); else products when any line has a product
 * id; else null.
 *
 * @example pickItemKind({ lines: 10, withCategory: 9, withProduct: 10 }, 0.5) // 'category'
 */
export function pickItemKind(c: ItemCounts, minCategoryShare: number): ItemKind | null {
  if (c.lines === 0) return null;
  if (c.withCategory > 0 && c.withCategory >= minCategoryShare * c.lines) return 'category';
  return c.withProduct > 0 ? 'product' : null;
}

/**
 * Count the run's window's non-refund lines and those with a category or product id (one scan of
 * three columns).
 *
 * @example const counts = await countItemFields(conn, '2024-12-31', '*');
 */
export async function countItemFields(conn: DuckDBConnection, asOf: string, currency: string | null): Promise<ItemCounts> {
  const r = await conn.runAndReadAll(
    `SELECT count(*), count(nullif(trim(category), '')), count(nullif(trim(product_id), '')) FROM transactions
     WHERE order_date < $as_of::DATE + INTERVAL 1 DAY AND NOT coalesce(is_refund, false)
       AND ($currency::VARCHAR = '*' OR currency IS NOT DISTINCT FROM $currency::VARCHAR)`,
    { as_of: asOf, currency },
  );
  const [lines, withCategory, withProduct] = r.getRows()[0]!.map(Number) as [number, number, number];
  return { lines, withCategory, withProduct };
}
