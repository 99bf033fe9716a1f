-- Basket counts for the cross-sell rules when there are at most 64 items (every category list seen
-- so far): each basket becomes a 64-bit mask of its items, and baskets are counted per distinct
-- mask, so item and pair counts come from a few thousand masks instead of a self-join of millions
-- of baskets. scope 'customer': a customer's bought items; 'order': one order's (purchase lines).
-- Writes basket_total, item_counts and pair_counts for products_rules.sql, exactly as
-- products_pairs_join.sql does.
CREATE OR REPLACE TEMP TABLE item_ids AS
SELECT item, (row_number() OVER (ORDER BY item) - 1)::INTEGER AS id FROM item_names;

CREATE OR REPLACE TEMP TABLE basket_masks AS
SELECT mask, count(*) AS n FROM (
  SELECT bit_or(1::UBIGINT << i.id) AS mask
  FROM customer_items c JOIN item_ids i USING (item)
  WHERE c.bought AND $scope = 'customer'
  GROUP BY c.customer_id
  UNION ALL
  SELECT bit_or(CASE WHEN l.is_return THEN 0::UBIGINT ELSE 1::UBIGINT << i.id END) AS mask
  FROM product_lines($as_of, $currency, $kind) l JOIN item_ids i USING (item)
  WHERE $scope = 'order' AND l.customer_id NOT IN (SELECT customer_id FROM product_house)
  GROUP BY l.customer_id, l.order_id
)
WHERE mask <> 0
GROUP BY mask;

CREATE OR REPLACE TEMP TABLE basket_total AS
SELECT coalesce(sum(n), 0)::BIGINT AS baskets, greatest($min_count, ceil($min_support * coalesce(sum(n), 0)))::BIGINT AS min_count
FROM basket_masks;

CREATE OR REPLACE TEMP TABLE item_counts AS
SELECT i.item, i.id, sum(m.n)::BIGINT AS n
FROM basket_masks m JOIN item_ids i ON (m.mask >> i.id) & 1::UBIGINT = 1::UBIGINT
GROUP BY i.item, i.id
HAVING sum(m.n) >= (SELECT min_count FROM basket_total);

CREATE OR REPLACE TEMP TABLE pair_counts AS
SELECT a.item AS x, b.item AS y, sum(m.n)::BIGINT AS both_count
FROM basket_masks m
JOIN item_counts a ON (m.mask >> a.id) & 1::UBIGINT = 1::UBIGINT
JOIN item_counts b ON b.id > a.id AND (m.mask >> b.id) & 1::UBIGINT = 1::UBIGINT
GROUP BY a.item, b.item
HAVING sum(m.n) >= (SELECT min_count FROM basket_total);
