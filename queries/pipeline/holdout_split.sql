-- Model selection's holdout (README "Model selection"): for each customer of the temp table
-- customer_summary (built as of $as_of) who had bought by $cutoff, the purchase days up to and
-- including $cutoff and the days from the last of them to $cutoff. Purchase days are counted as
-- in customer_summary.sql (a day with at least one non-return line), in the run's currency, so
-- calibration and holdout count the same thing the models are fitted on. In idx order.
-- A second result set is not possible in one statement, so the holdout's purchase days per day
-- come from holdout_daily.sql.
WITH days AS (
  SELECT customer_id, order_date::DATE AS day
  FROM transactions
  WHERE order_date < $cutoff::DATE + INTERVAL 1 DAY
    AND ($currency::VARCHAR = '*' OR currency IS NOT DISTINCT FROM $currency::VARCHAR)
  GROUP BY customer_id, day
  HAVING bool_or(NOT is_return)
),
per AS (
  SELECT customer_id, count(*) AS n, max(day) AS last_day FROM days GROUP BY customer_id
)
SELECT s.idx, (p.n - 1)::DOUBLE AS x_cal, date_diff('day', p.last_day, $cutoff::DATE)::DOUBLE AS silent_days
FROM customer_summary s
JOIN per p USING (customer_id)
WHERE NOT s.house_account
  AND s.idx % $stride::INTEGER = 0 -- every stride-th customer (customer_id order): selection's sample at scale
ORDER BY s.idx
