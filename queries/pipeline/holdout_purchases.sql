-- Purchase days per customer in a backtest's holdout ($calibration_end, $holdout_end], for every
-- customer of the temp table customer_summary (built as of $calibration_end), in idx order.
-- A purchase day is a day with at least one non-return line, as in customer_summary.sql, so these
-- counts are comparable with the models' expected repeat purchases.
WITH days AS (
  SELECT customer_id, order_date::DATE AS day
  FROM transactions
  WHERE order_date >= $calibration_end::DATE + INTERVAL 1 DAY
    AND order_date < $holdout_end::DATE + INTERVAL 1 DAY
    -- the same period a day wider in stored UTC: only its row groups are read (README "Timezones")
    AND order_date_utc >= $calibration_end::DATE AND order_date_utc < $holdout_end::DATE + INTERVAL 2 DAY
  GROUP BY customer_id, day
  HAVING bool_or(NOT is_return)
)
SELECT s.idx, count(d.day)::DOUBLE AS purchase_days
FROM customer_summary s
LEFT JOIN days d USING (customer_id)
GROUP BY s.idx
ORDER BY s.idx
