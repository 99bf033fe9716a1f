-- name: customer-orders
-- description: One customer's transaction lines (purchases and returns), newest first.
-- param: customer_id VARCHAR   the customer id exactly as stored, e.g. C000042
-- param: limit INTEGER = 200   at most this many lines
SELECT order_date, order_id, product_id, product_name, quantity, unit_price, round(amount, 2) AS amount, is_return,
  channel, country, source_file, source_line
FROM transactions
WHERE customer_id = $customer_id
ORDER BY order_date DESC, order_id, source_line
LIMIT $limit
