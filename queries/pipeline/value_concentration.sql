-- The Pareto curve of run $run: for the top p% of customers by net spend (p = 1..100), their
-- share of all positive net spend, and of 12-month CLV ranked by CLV.
INSERT INTO value_concentration
WITH by_spend AS (
  SELECT greatest(monetary, 0) AS v, row_number() OVER (ORDER BY monetary DESC, customer_id) AS rk, count(*) OVER () AS n
  FROM customer_scores WHERE run_id = $run
),
by_clv AS (
  SELECT greatest(clv_12m, 0) AS v, row_number() OVER (ORDER BY clv_12m DESC NULLS LAST, customer_id) AS rk, count(*) OVER () AS n
  FROM customer_scores WHERE run_id = $run
),
pct AS (SELECT p FROM range(1, 101) t(p))
SELECT $run, p / 100.0 AS customer_share,
  (SELECT sum(v) FROM by_spend WHERE rk <= ceil(p * n / 100.0)) / nullif((SELECT sum(v) FROM by_spend), 0) AS revenue_share,
  (SELECT sum(v) FROM by_clv WHERE rk <= ceil(p * n / 100.0)) / nullif((SELECT sum(v) FROM by_clv), 0) AS clv_share
FROM pct
