-- Weekly trend of run $run as of $as_of, from transactions (so it exists from the first run).
-- Weeks end on the as-of date's weekday: week k (0 = latest) runs from $as_of - 7k - 6 to $as_of - 7k,
-- both days included, so the last four weeks are exactly the 28-day KPI window.
-- How many weeks: 52 when the data cover 52 full weeks, else up to 26; a week that starts before
-- the first transaction is left out (a partial week looks like a drop), unless there is less than
-- one week of data. Weeks without orders are kept, with zeros.
-- Measures: net revenue (returns deducted), orders (distinct purchase ids), active customers (with
-- a purchase), new customers (first purchase that week, from customer_summary), returning customers
-- (active, first purchase before that week) and average order value (purchases / orders).
-- Amounts are summed as DECIMAL(18,6) so re-running an as-of date gives bit-identical results.
-- $currency: the run's currency, as in customer_summary ('*' = every transaction).
INSERT INTO weekly_trend
WITH span AS (
  SELECT date_diff('day', min(order_date)::DATE, $as_of::DATE) + 1 AS days
  FROM transactions WHERE order_date < $as_of::DATE + INTERVAL 1 DAY
    AND ($currency::VARCHAR = '*' OR currency IS NOT DISTINCT FROM $currency::VARCHAR)
),
n AS (
  SELECT greatest(1, CASE WHEN days // 7 >= 52 THEN 52 ELSE least(26, days // 7) END)::INTEGER AS weeks FROM span
),
weeks AS (
  SELECT k::INTEGER AS k FROM n, generate_series(0, n.weeks - 1) g(k)
),
tx AS (
  SELECT customer_id, order_id, amount::DECIMAL(18, 6) AS amount, is_return,
    date_diff('day', order_date::DATE, $as_of::DATE) // 7 AS k
  FROM transactions, n
  WHERE order_date < $as_of::DATE + INTERVAL 1 DAY AND order_date >= $as_of::DATE - to_days(7 * n.weeks - 1)
    -- the same window a day wider in stored UTC: only its row groups are read (README "Timezones")
    AND order_date_utc < $as_of::DATE + INTERVAL 2 DAY AND order_date_utc >= $as_of::DATE - to_days(7 * n.weeks)
    AND ($currency::VARCHAR = '*' OR currency IS NOT DISTINCT FROM $currency::VARCHAR)
),
agg AS (
  SELECT k,
    sum(amount) AS net_revenue,
    count(DISTINCT order_id) FILTER (WHERE NOT is_return) AS orders,
    count(DISTINCT customer_id) FILTER (WHERE NOT is_return) AS active_customers,
    sum(amount) FILTER (WHERE NOT is_return) AS purchases
  FROM tx GROUP BY k
),
news AS (
  SELECT date_diff('day', first_order::DATE, $as_of::DATE) // 7 AS k, count(*) AS new_customers
  FROM customer_summary, n
  WHERE first_order >= $as_of::DATE - to_days(7 * n.weeks - 1)
  GROUP BY k
)
SELECT $run,
  $as_of::DATE - (7 * w.k + 6)::INTEGER AS week_start,
  $as_of::DATE - (7 * w.k)::INTEGER AS week_end,
  coalesce(a.net_revenue, 0)::DOUBLE,
  coalesce(a.orders, 0),
  coalesce(a.active_customers, 0),
  coalesce(c.new_customers, 0),
  coalesce(a.active_customers, 0) - coalesce(c.new_customers, 0),
  (a.purchases / nullif(a.orders, 0))::DOUBLE
FROM weeks w LEFT JOIN agg a USING (k) LEFT JOIN news c USING (k)
ORDER BY week_start
