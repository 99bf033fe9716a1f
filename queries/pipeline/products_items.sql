-- The run's product lines as items (docs/products.md), for the other products_*.sql files. kind is
-- 'category' (the item is the line's category) or 'product' (the item is its product_id). A line is
-- a product line when it is dated up to as_of, in the run's currency, not a refund entry (is_refund
-- rows carry no product), has a non-negative unit price (a negative one is an adjustment), and its
-- product_id is not a non-product code (the temp table product_codes_out, filled by the step:
-- postage, fees, manual entries …).
-- Line revenue: quantity × unit_price when the line has both (Shopify-style exports put an order's
-- total on its first line and 0 on the others, so the amount is not the line's value), else the
-- amount; a return line counts negative. Amounts are DECIMAL(18,6) (exact sums: re-runs are
-- bit-identical).
-- A table macro, not a table: each reader scans transactions again (a scan of 8.5M lines costs less
-- than writing them aside), and only the columns it reads.
CREATE OR REPLACE TEMP MACRO product_lines(as_of, cur, kind) AS TABLE
SELECT * FROM (
  SELECT customer_id, order_id, order_date, is_return,
    CASE WHEN kind = 'category' THEN nullif(trim(category), '') ELSE nullif(trim(product_id), '') END AS item,
    CASE WHEN kind = 'category' THEN nullif(trim(category), '') ELSE product_name END AS name,
    CASE WHEN quantity IS NOT NULL AND unit_price IS NOT NULL
      THEN CASE WHEN is_return THEN -abs(quantity * unit_price) ELSE abs(quantity * unit_price) END
      ELSE amount END::DECIMAL(18, 6) AS revenue
  FROM transactions
  WHERE order_date < as_of::DATE + INTERVAL 1 DAY
    AND (cur::VARCHAR = '*' OR currency IS NOT DISTINCT FROM cur::VARCHAR)
    AND NOT coalesce(is_refund, false)
    AND coalesce(unit_price, 0) >= 0
    AND upper(trim(coalesce(product_id, ''))) NOT IN (SELECT code FROM product_codes_out)
) WHERE item IS NOT NULL;

-- The run's customers (house accounts left out: one marketplace id would hold every basket),
-- with the groups the mix is cut by; and the house accounts alone, to leave out of line scans.
CREATE OR REPLACE TEMP TABLE product_customers AS
SELECT c.customer_id, c.segment, c.cluster::VARCHAR AS cluster, c.value_tier
FROM customer_scores c
WHERE c.run_id = $run AND c.house_account IS NOT TRUE;

CREATE OR REPLACE TEMP TABLE product_house AS
SELECT customer_id FROM customer_scores WHERE run_id = $run AND house_account IS TRUE;

-- One row per (customer, item): bought = at least one purchase line (not only returns).
CREATE OR REPLACE TEMP TABLE customer_items AS
SELECT customer_id, item, sum(revenue) AS revenue, bool_or(NOT is_return) AS bought
FROM product_lines($as_of, $currency, $kind)
WHERE customer_id NOT IN (SELECT customer_id FROM product_house)
GROUP BY customer_id, item;

-- An item's name: the category itself, or the product's most frequent description.
CREATE OR REPLACE TEMP TABLE item_names AS
SELECT DISTINCT item, item AS name FROM customer_items WHERE $kind = 'category';

INSERT INTO item_names
SELECT item, coalesce(mode(name ORDER BY name), item) FROM product_lines($as_of, $currency, $kind)
WHERE $kind = 'product' GROUP BY item;
