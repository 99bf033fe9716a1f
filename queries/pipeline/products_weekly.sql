-- Product revenue of run run by item by week, over the weeks of the run's weekly_trend (weeks end
-- on the as-of weekday; week k = 0 ends on as_of). Items as in the mix (every category, or the top
-- products of product_mix); weeks in which an item sold nothing have no row.
INSERT INTO product_weekly
WITH w AS (
  SELECT min(week_start) AS first FROM weekly_trend WHERE run_id = $run
),
items AS (
  SELECT item FROM product_mix WHERE run_id = $run AND group_kind = 'all'
)
SELECT $run, $kind, ($as_of::DATE - to_days(7 * k + 6))::DATE AS week_start, item, sum(revenue)::DOUBLE
FROM (
  SELECT item, revenue, date_diff('day', order_date::DATE, $as_of::DATE) // 7 AS k
  FROM product_lines($as_of, $currency, $kind) SEMI JOIN items USING (item), w
  WHERE order_date::DATE >= w.first
)
GROUP BY k, item;
