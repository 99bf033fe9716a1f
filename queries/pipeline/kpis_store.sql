-- KPIs of run $run as of $as_of over the trailing $kpi_window_days days, with the same KPI of the
-- previous run ($prev, may be NULL). Revenue is net of returns; orders are distinct purchase ids.
-- Customers' first orders and order counts come from customer_summary (the same as-of): it holds
-- every customer with a purchase by then, so only the trailing window is read from transactions.
-- $currency: the run's currency, as in customer_summary ('*' = every transaction).
INSERT INTO kpis
WITH recent AS (
  SELECT customer_id, order_id, amount, is_return FROM transactions
  WHERE order_date < $as_of::DATE + INTERVAL 1 DAY AND order_date >= $as_of::DATE - to_days(($kpi_window_days - 1)::INTEGER)
    AND ($currency::VARCHAR = '*' OR currency IS NOT DISTINCT FROM $currency::VARCHAR)
),
firsts AS (
  SELECT customer_id, first_order, frequency AS orders FROM customer_summary
),
now AS (
  SELECT * FROM (VALUES
    ('revenue', (SELECT coalesce(sum(amount), 0) FROM recent)),
    ('orders', (SELECT count(DISTINCT order_id) FROM recent WHERE NOT is_return)),
    ('active_customers', (SELECT count(DISTINCT customer_id) FROM recent WHERE NOT is_return)),
    ('new_customers', (SELECT count(*) FROM firsts WHERE first_order >= $as_of::DATE - to_days(($kpi_window_days - 1)::INTEGER))),
    ('customers', (SELECT count(*) FROM firsts)),
    ('repeat_rate', (SELECT avg((orders >= 2)::INTEGER) FROM firsts)),
    ('aov', (SELECT sum(amount) FILTER (WHERE NOT is_return) / nullif(count(DISTINCT order_id) FILTER (WHERE NOT is_return), 0) FROM recent)),
    ('return_rate', (SELECT -coalesce(sum(amount) FILTER (WHERE is_return), 0) / nullif(sum(amount) FILTER (WHERE NOT is_return), 0) FROM recent)),
    ('churned', (SELECT CASE WHEN $prev IS NULL THEN NULL ELSE coalesce(sum(customers), 0) END FROM state_moves
                 WHERE run_id = $run AND to_state = 'lapsed' AND from_state <> 'lapsed')),
    ('won_back', (SELECT count(*) FROM customer_scores WHERE run_id = $run AND state = 'won_back'))
  ) v(kpi, value)
)
SELECT $run, n.kpi, n.value::DOUBLE, p.value
FROM now n LEFT JOIN kpis p ON p.run_id = $prev AND p.kpi = n.kpi
