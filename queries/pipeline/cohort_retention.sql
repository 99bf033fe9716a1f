-- Monthly cohort retention as of $as_of for run $run. A cohort is the month of a customer's first
-- purchase; a cell is the share of the cohort that bought in a later month. The month holding
-- $as_of is left out unless $as_of is its last day: a partial month looks like a drop.
-- First purchases come from customer_summary (same as-of); transactions are reduced to one row per
-- customer and month before joining, so no distinct count runs over every line.
INSERT INTO cohort_retention
WITH complete AS (
  SELECT CASE WHEN $as_of::DATE = last_day($as_of::DATE) THEN date_trunc('month', $as_of::DATE)::DATE
              ELSE (date_trunc('month', $as_of::DATE) - INTERVAL 1 MONTH)::DATE END AS last_month
),
firsts AS (
  SELECT customer_id, date_trunc('month', first_order)::DATE AS cohort FROM customer_summary
),
sizes AS (
  SELECT cohort, count(*) AS customers FROM firsts WHERE cohort <= (SELECT last_month FROM complete) GROUP BY cohort
),
cells AS (
  SELECT s.cohort, m.months_since, s.customers
  FROM sizes s, range(0, 1200) m(months_since)
  WHERE s.cohort + to_months(m.months_since::INTEGER) <= (SELECT last_month FROM complete)
),
months AS (
  SELECT customer_id, date_trunc('month', order_date)::DATE AS month, bool_or(NOT is_return) AS bought, sum(amount) AS revenue
  FROM transactions WHERE order_date < $as_of::DATE + INTERVAL 1 DAY
    AND ($currency::VARCHAR = '*' OR currency IS NOT DISTINCT FROM $currency::VARCHAR) -- the run's currency only
  GROUP BY customer_id, month
),
activity AS (
  SELECT f.cohort, date_diff('month', f.cohort, m.month) AS months_since,
    count(*) FILTER (WHERE m.bought) AS active, sum(m.revenue) AS revenue
  FROM months m JOIN firsts f USING (customer_id)
  GROUP BY ALL
)
SELECT $run, c.cohort, c.months_since::INTEGER, c.customers, coalesce(a.active, 0),
  coalesce(a.active, 0) / c.customers, coalesce(a.revenue, 0)
FROM cells c LEFT JOIN activity a USING (cohort, months_since)
ORDER BY c.cohort, c.months_since
