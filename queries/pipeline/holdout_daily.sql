-- Purchase days per day of model selection's holdout ($cutoff, $as_of], summed over the
-- customers of customer_summary who had bought by $cutoff (house accounts left out), counted as
-- in customer_summary.sql, for every $stride-th customer as holdout_split.sql. day_offset 1 is the day after the cutoff; days without any purchase
-- are absent.
WITH days AS (
  SELECT customer_id, order_date::DATE AS day
  FROM transactions
  WHERE order_date < $as_of::DATE + INTERVAL 1 DAY
    AND ($currency::VARCHAR = '*' OR currency IS NOT DISTINCT FROM $currency::VARCHAR)
  GROUP BY customer_id, day
  HAVING bool_or(NOT is_return)
)
SELECT date_diff('day', $cutoff::DATE, d.day)::INTEGER AS day_offset, count(*)::DOUBLE AS purchase_days
FROM days d
JOIN customer_summary s USING (customer_id)
WHERE d.day > $cutoff::DATE
  AND NOT s.house_account
  AND s.first_order::DATE <= $cutoff::DATE
  AND s.idx % $stride::INTEGER = 0
GROUP BY day_offset
ORDER BY day_offset
