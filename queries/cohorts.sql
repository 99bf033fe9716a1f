-- name: cohorts
-- description: Monthly acquisition cohorts from the transactions: customers by first-order month, their first-month spend, and the % of them buying again 1, 2, 3, 6 and 12 months later (empty where that month is not over yet).
-- param: since DATE = NULL   only cohorts from this month on
-- param: as_of DATE = NULL   count transactions up to this date (default: the latest successful run's as-of date)
WITH cutoff AS (
  SELECT coalesce($as_of::DATE, (SELECT as_of FROM runs WHERE status = 'ok' ORDER BY as_of DESC, run_id DESC LIMIT 1), DATE '9999-12-31') AS d
),
purchases AS (
  SELECT t.customer_id, date_trunc('month', t.order_date)::DATE AS month, sum(t.amount) AS spend
  FROM transactions t, cutoff
  WHERE NOT t.is_return AND t.order_date < cutoff.d + INTERVAL 1 DAY
  GROUP BY ALL
),
firsts AS (SELECT customer_id, min(month) AS cohort FROM purchases GROUP BY customer_id),
activity AS (
  SELECT f.cohort, date_diff('month', f.cohort, p.month) AS k, p.customer_id, p.spend
  FROM purchases p JOIN firsts f USING (customer_id)
),
grid AS (
  SELECT cohort,
    count(*) FILTER (k = 0) AS customers,
    sum(spend) FILTER (k = 0) AS first_month_spend,
    count(*) FILTER (k = 1) AS m1, count(*) FILTER (k = 2) AS m2, count(*) FILTER (k = 3) AS m3,
    count(*) FILTER (k = 6) AS m6, count(*) FILTER (k = 12) AS m12
  FROM activity GROUP BY cohort
)
SELECT strftime(g.cohort, '%Y-%m') AS cohort, g.customers, round(g.first_month_spend, 2) AS first_month_spend,
  CASE WHEN g.cohort + INTERVAL 2 MONTH <= c.d + INTERVAL 1 DAY THEN round(100.0 * g.m1 / g.customers, 1) END AS m1_pct,
  CASE WHEN g.cohort + INTERVAL 3 MONTH <= c.d + INTERVAL 1 DAY THEN round(100.0 * g.m2 / g.customers, 1) END AS m2_pct,
  CASE WHEN g.cohort + INTERVAL 4 MONTH <= c.d + INTERVAL 1 DAY THEN round(100.0 * g.m3 / g.customers, 1) END AS m3_pct,
  CASE WHEN g.cohort + INTERVAL 7 MONTH <= c.d + INTERVAL 1 DAY THEN round(100.0 * g.m6 / g.customers, 1) END AS m6_pct,
  CASE WHEN g.cohort + INTERVAL 13 MONTH <= c.d + INTERVAL 1 DAY THEN round(100.0 * g.m12 / g.customers, 1) END AS m12_pct
FROM grid g, cutoff c
WHERE $since::DATE IS NULL OR g.cohort >= date_trunc('month', $since::DATE)
ORDER BY g.cohort
