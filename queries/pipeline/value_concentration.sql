-- The Pareto curve of run $run: for the top p% of customers by net spend (p = 1..100), their
-- share of all positive net spend, and of 12-month CLV ranked by CLV.
-- The top p% are the first ceil(p·n/100) customers by rank, so the customer ranked rk first counts
-- at p = floor(100·(rk−1)/n) + 1 (exact integer arithmetic): one pass sums each percentile's
-- customers and a running sum over the 100 percentiles gives the curve (no per-p rescans).
INSERT INTO value_concentration
WITH ranked AS (
  SELECT greatest(monetary, 0) AS spend, greatest(clv_12m, 0) AS clv,
    row_number() OVER (ORDER BY monetary DESC, customer_id) AS spend_rk,
    row_number() OVER (ORDER BY clv_12m DESC NULLS LAST, customer_id) AS clv_rk,
    count(*) OVER () AS n
  FROM customer_scores WHERE run_id = $run
),
by_spend AS (
  SELECT (100 * (spend_rk - 1)) // n + 1 AS p, sum(spend) AS v FROM ranked GROUP BY p
),
by_clv AS (
  SELECT (100 * (clv_rk - 1)) // n + 1 AS p, sum(clv) AS v FROM ranked GROUP BY p
),
curve AS (
  SELECT pct.p,
    sum(s.v) OVER (ORDER BY pct.p) AS spend_top, sum(s.v) OVER () AS spend_all,
    sum(c.v) OVER (ORDER BY pct.p) AS clv_top, sum(c.v) OVER () AS clv_all
  FROM range(1, 101) pct(p) LEFT JOIN by_spend s USING (p) LEFT JOIN by_clv c USING (p)
)
SELECT $run, p / 100.0 AS customer_share, spend_top / nullif(spend_all, 0) AS revenue_share, clv_top / nullif(clv_all, 0) AS clv_share
FROM curve
ORDER BY p
