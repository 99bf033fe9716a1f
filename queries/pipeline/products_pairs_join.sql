-- Basket counts for the cross-sell rules with more than 64 items (a product catalogue): baskets
-- as (customer, order, item) rows, items below the minimum support dropped before the self-join
-- (the Apriori step: such an item cannot be in a pair that passes), pairs counted by the join.
-- scope 'customer': a customer's bought items ('' as the order); 'order': one order's (purchase
-- lines). Writes basket_total, item_counts and pair_counts for products_rules.sql.
CREATE OR REPLACE TEMP TABLE product_baskets AS
SELECT customer_id, '' AS order_id, item FROM customer_items WHERE bought AND $scope = 'customer'
UNION ALL
SELECT DISTINCT customer_id, order_id, item FROM product_lines($as_of, $currency, $kind)
WHERE NOT is_return AND $scope = 'order' AND customer_id NOT IN (SELECT customer_id FROM product_house);

CREATE OR REPLACE TEMP TABLE basket_total AS
WITH n AS (SELECT count(*) AS baskets FROM (SELECT DISTINCT customer_id, order_id FROM product_baskets))
SELECT baskets::BIGINT AS baskets, greatest($min_count, ceil($min_support * baskets))::BIGINT AS min_count FROM n;

CREATE OR REPLACE TEMP TABLE item_counts AS
SELECT item, count(*)::BIGINT AS n FROM product_baskets GROUP BY item
HAVING count(*) >= (SELECT min_count FROM basket_total);

CREATE OR REPLACE TEMP TABLE pair_counts AS
WITH frequent AS (SELECT * FROM product_baskets SEMI JOIN item_counts USING (item))
SELECT a.item AS x, b.item AS y, count(*)::BIGINT AS both_count
FROM frequent a JOIN frequent b ON a.customer_id = b.customer_id AND a.order_id = b.order_id AND a.item < b.item
GROUP BY a.item, b.item
HAVING count(*) >= (SELECT min_count FROM basket_total);
