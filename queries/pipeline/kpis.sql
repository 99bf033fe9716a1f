-- Headline numbers as of $as_of (DATE) over the trailing $window_days days (as_of included).
-- Revenue is net of returns; orders are distinct non-return order ids.
WITH tx AS (
  SELECT * FROM transactions WHERE order_date < $as_of::DATE + INTERVAL 1 DAY
),
recent AS (
  SELECT * FROM tx WHERE order_date >= $as_of::DATE - INTERVAL ($window_days - 1) DAY
),
firsts AS (
  SELECT customer_id, min(order_date) AS first_order, count(DISTINCT order_id) AS orders
  FROM tx WHERE NOT is_return GROUP BY customer_id
)
SELECT
  (SELECT count(*) FROM firsts) AS customers,
  (SELECT count(DISTINCT customer_id) FROM recent WHERE NOT is_return) AS active_customers,
  (SELECT count(*) FROM firsts WHERE first_order >= $as_of::DATE - INTERVAL ($window_days - 1) DAY) AS new_customers,
  (SELECT coalesce(sum(amount), 0) FROM recent) AS revenue,
  (SELECT count(DISTINCT order_id) FROM recent WHERE NOT is_return) AS orders,
  (SELECT avg((orders >= 2)::INTEGER) FROM firsts) AS repeat_rate
