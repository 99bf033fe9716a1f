-- The run's product lines as items (README "Products and categories"), in temp tables the other
-- products_*.sql files read. kind is 'category' (the item is the line's category) or 'product'
-- (the item is its product_id). A line is a product line when it is dated up to as_of, in the
-- run's currency, not a refund entry (is_refund rows carry no product), has a non-negative unit
-- price (a negative one is an adjustment), and its product_id is not a non-product code (the
-- temp table product_codes_out, filled by the step: postage, fees, manual entries …).
-- Line revenue: quantity × unit_price when the line has both (Shopify-style exports put an order's
-- total on its first line and 0 on the others, so the amount is not the line's value), else the
-- amount; a return line counts negative. Amounts are summed as DECIMAL(18,6) (exact, so re-runs
-- are bit-identical).
CREATE OR REPLACE TEMP TABLE order_items AS
WITH lines AS (
  SELECT customer_id, order_id, order_date, is_return,
    CASE WHEN $kind = 'category' THEN nullif(trim(category), '') ELSE product_name END AS product_name,
    CASE WHEN $kind = 'category' THEN nullif(trim(category), '') ELSE nullif(trim(product_id), '') END AS item,
    CASE WHEN quantity IS NOT NULL AND unit_price IS NOT NULL
      THEN CASE WHEN is_return THEN -abs(quantity * unit_price) ELSE abs(quantity * unit_price) END
      ELSE amount END::DECIMAL(18, 6) AS revenue
  FROM transactions
  WHERE order_date < $as_of::DATE + INTERVAL 1 DAY
    AND ($currency::VARCHAR = '*' OR currency IS NOT DISTINCT FROM $currency::VARCHAR)
    AND NOT coalesce(is_refund, false)
    AND coalesce(unit_price, 0) >= 0
    AND upper(trim(coalesce(product_id, ''))) NOT IN (SELECT code FROM product_codes_out)
)
SELECT customer_id, order_id, min(order_date) AS order_date, item, min(product_name) AS name,
  sum(revenue) AS revenue, bool_or(NOT is_return) AS bought
FROM lines
WHERE item IS NOT NULL
GROUP BY customer_id, order_id, item;

-- The run's customers (house accounts left out: one marketplace id would hold every basket),
-- with the groups the mix is cut by.
CREATE OR REPLACE TEMP TABLE product_customers AS
SELECT c.customer_id, c.segment, c.cluster::VARCHAR AS cluster, c.value_tier
FROM customer_scores c
WHERE c.run_id = $run AND c.house_account IS NOT TRUE;

-- One row per (customer, item): bought = at least one purchase line (not only returns).
CREATE OR REPLACE TEMP TABLE customer_items AS
SELECT customer_id, item, sum(revenue) AS revenue, bool_or(bought) AS bought
FROM order_items SEMI JOIN product_customers USING (customer_id)
GROUP BY customer_id, item;

-- An item's name: the category itself, or the product's most frequent description.
CREATE OR REPLACE TEMP TABLE item_names AS
SELECT item, coalesce(mode(name ORDER BY name), item) AS name
FROM order_items GROUP BY item;
