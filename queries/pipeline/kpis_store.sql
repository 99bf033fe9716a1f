-- KPIs of run $run as of $as_of, each with the same KPI over an equal, closed period computed from
-- the same transactions (so every change exists from the first run and does not depend on when the
-- previous run was):
--   windowed KPIs   the last $kpi_window_days days (as-of day included) against the equal window
--                   just before it (compared_with = 'previous_window');
--   to-date KPIs    (customers, repeat_rate) against their value at the end of the day before the
--                   KPI window starts (compared_with = 'window_start');
--   churned         customers newly lapsed since the previous run ($prev): inherently run to run
--                   (compared_with = 'previous_run', previous_value = the previous run's count);
--   won_back        a state count over the last $won_back_days days; no earlier window is computed
--                   (compared_with = 'none').
-- Revenue is net of returns; orders are distinct purchase ids; AOV and return rate are over
-- purchases in the window. First orders and order counts come from customer_summary (same as-of).
-- repeat_rate at the window start subtracts the orders placed in the window from each customer's
-- count: an order id with lines both before and inside the window would be subtracted once too
-- many (real exports date an order on one day, so this does not arise in practice).
-- $currency: the run's currency, as in customer_summary ('*' = every transaction).
INSERT INTO kpis (run_id, kpi, value, previous_value, window_days, compared_with)
WITH recent AS (
  SELECT customer_id, order_id, amount, is_return,
    order_date >= $as_of::DATE - to_days(($kpi_window_days - 1)::INTEGER) AS cur
  FROM transactions
  WHERE order_date < $as_of::DATE + INTERVAL 1 DAY AND order_date >= $as_of::DATE - to_days((2 * $kpi_window_days - 1)::INTEGER)
    -- the same window a day wider in stored UTC: only its row groups are read (README "Timezones")
    AND order_date_utc < $as_of::DATE + INTERVAL 2 DAY AND order_date_utc >= $as_of::DATE - to_days((2 * $kpi_window_days)::INTEGER)
    AND ($currency::VARCHAR = '*' OR currency IS NOT DISTINCT FROM $currency::VARCHAR)
),
windows AS (
  SELECT cur,
    coalesce(sum(amount), 0) AS revenue,
    count(DISTINCT order_id) FILTER (WHERE NOT is_return) AS orders,
    count(DISTINCT customer_id) FILTER (WHERE NOT is_return) AS active_customers,
    sum(amount) FILTER (WHERE NOT is_return) / nullif(count(DISTINCT order_id) FILTER (WHERE NOT is_return), 0) AS aov,
    -- negated before the coalesce: a window without returns is 0, not −0 (which would print "−0.0%")
    coalesce(-sum(amount) FILTER (WHERE is_return), 0) / nullif(sum(amount) FILTER (WHERE NOT is_return), 0) AS return_rate
  FROM (SELECT cur FROM (VALUES (true), (false)) v(cur)) w LEFT JOIN recent USING (cur)
  GROUP BY cur
),
window_orders AS (
  SELECT customer_id, count(DISTINCT order_id) AS n FROM recent WHERE cur AND NOT is_return GROUP BY customer_id
),
firsts AS (
  SELECT s.customer_id, s.first_order, s.frequency AS orders, s.frequency - coalesce(w.n, 0) AS orders_before_window
  FROM customer_summary s LEFT JOIN window_orders w USING (customer_id)
),
bounds AS (
  SELECT $as_of::DATE - to_days(($kpi_window_days - 1)::INTEGER) AS cur_start,
         $as_of::DATE - to_days((2 * $kpi_window_days - 1)::INTEGER) AS prev_start
),
now AS (
  SELECT * FROM (VALUES
    ('revenue', (SELECT revenue FROM windows WHERE cur)),
    ('orders', (SELECT orders FROM windows WHERE cur)),
    ('active_customers', (SELECT active_customers FROM windows WHERE cur)),
    ('new_customers', (SELECT count(*) FROM firsts WHERE first_order >= $as_of::DATE - to_days(($kpi_window_days - 1)::INTEGER))),
    ('customers', (SELECT count(*) FROM firsts)),
    ('repeat_rate', (SELECT avg((orders >= 2)::INTEGER) FROM firsts)),
    ('aov', (SELECT aov FROM windows WHERE cur)),
    ('return_rate', (SELECT return_rate FROM windows WHERE cur)),
    ('churned', (SELECT CASE WHEN $prev IS NULL THEN NULL ELSE coalesce(sum(customers), 0) END FROM state_moves
                 WHERE run_id = $run AND to_state = 'lapsed' AND from_state <> 'lapsed')),
    ('won_back', (SELECT count(*) FROM customer_scores WHERE run_id = $run AND state = 'won_back'))
  ) v(kpi, value)
),
earlier AS (
  SELECT * FROM (VALUES
    ('revenue', (SELECT revenue FROM windows WHERE NOT cur), $kpi_window_days, 'previous_window'),
    ('orders', (SELECT orders FROM windows WHERE NOT cur), $kpi_window_days, 'previous_window'),
    ('active_customers', (SELECT active_customers FROM windows WHERE NOT cur), $kpi_window_days, 'previous_window'),
    ('new_customers', (SELECT count(*) FROM firsts, bounds WHERE first_order >= prev_start AND first_order < cur_start), $kpi_window_days, 'previous_window'),
    ('customers', (SELECT count(*) FROM firsts, bounds WHERE first_order < cur_start), NULL, 'window_start'),
    ('repeat_rate', (SELECT avg((orders_before_window >= 2)::INTEGER) FROM firsts, bounds WHERE first_order < cur_start), NULL, 'window_start'),
    ('aov', (SELECT aov FROM windows WHERE NOT cur), $kpi_window_days, 'previous_window'),
    ('return_rate', (SELECT return_rate FROM windows WHERE NOT cur), $kpi_window_days, 'previous_window'),
    ('churned', (SELECT value FROM kpis WHERE run_id = $prev AND kpi = 'churned'), NULL, 'previous_run'),
    ('won_back', NULL, $won_back_days, 'none')
  ) v(kpi, previous, window_days, compared_with)
)
SELECT $run, n.kpi, n.value::DOUBLE, e.previous::DOUBLE, e.window_days::INTEGER, e.compared_with
FROM now n JOIN earlier e USING (kpi)
