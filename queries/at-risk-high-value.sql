-- name: at-risk-high-value
-- description: High-value customers slipping away: segments At Risk and Can't Lose Them, highest net spend first.
-- param: min_monetary DOUBLE = 0   only customers whose net spend is at least this
-- param: limit INTEGER = 50        how many customers to list
-- param: run INTEGER = NULL        run id (default: the latest successful run)
SELECT customer_id, segment, round(monetary, 2) AS monetary, frequency, recency_days,
  last_order::DATE AS last_order, r_score, f_score, m_score, as_of, run_id
FROM customer_scores
WHERE run_id = coalesce($run::INTEGER, (SELECT run_id FROM runs WHERE status = 'ok' ORDER BY as_of DESC, run_id DESC LIMIT 1))
  AND segment IN ('At Risk', 'Can''t Lose Them')
  AND monetary >= $min_monetary
ORDER BY monetary DESC, customer_id
LIMIT $limit
