/**
 * Settings of the products step (README "Products and categories"). Each run stores the values it
 * used in run_config 'products', so a report says what its shares and pairs were computed with.
 */
export interface ProductsConfig {
  /** products shown in the mix when the log has no category: the most bought, by customers */
  topProducts: number;
  /** use categories when at least this share of product lines carries one */
  minCategoryShare: number;
  /** a pair needs at least max(minPairCount, ceil(minPairSupport × baskets)) baskets holding both */
  minPairSupport: number;
  minPairCount: number;
  /** rules kept per antecedent (the most confident), so a long catalogue stores a bounded table */
  rulesPerItem: number;
  /**
   * With at most this many items (≤ 64) baskets are counted as bit masks (products_pairs_mask.sql);
   * with more, by a self-join (products_pairs_join.sql). Both give the same counts; 0 forces the join.
   */
  maxMaskItems: number;
  /**
   * Product codes that are never products (postage, fees, manual adjustments), matched on the
   * trimmed, upper-cased product_id, on top of the loader's exclude.product_ids.
   */
  nonProductCodes: string[];
}

/**
 * The non-product codes of real retail logs (the UCI Online Retail log's postage, carriage, fees,
 * manual entries, discounts, samples, bad-debt adjustments and test lines).
 */
export const NON_PRODUCT_CODES = [
  'POST', 'DOT', 'C2', 'M', 'BANK CHARGES', 'AMAZONFEE', 'CRUK', 'D', 'S', 'B', 'ADJUST', 'ADJUST2', 'TEST001', 'TEST002',
];

export const DEFAULT_PRODUCTS: ProductsConfig = {
  topProducts: 20,
  minCategoryShare: 0.5,
  minPairSupport: 0.002,
  minPairCount: 5,
  rulesPerItem: 10,
  maxMaskItems: 64,
  nonProductCodes: NON_PRODUCT_CODES,
};

/**
 * The SQL parameters of the products queries.
 *
 * @example await runPipelineSql(conn, 'products_mix', { ...productsParams(DEFAULT_PRODUCTS), run: 7 });
 */
export const productsParams = (c: ProductsConfig): Record<string, number> => ({
  top_products: c.topProducts,
  min_support: c.minPairSupport,
  min_count: c.minPairCount,
  rules_per_item: c.rulesPerItem,
});
