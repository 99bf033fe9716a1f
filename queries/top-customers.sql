-- name: top-customers
-- description: Customers with the highest net spend (monetary) in a run, with their RFM scores and segment.
-- param: limit INTEGER = 20        how many customers to list
-- param: since DATE = NULL         only customers whose last order is on or after this date
-- param: segment VARCHAR = NULL    only this segment, e.g. Champions
-- param: run INTEGER = NULL        run id (default: the latest successful run)
SELECT s.customer_id, round(s.monetary, 2) AS monetary, s.frequency, s.recency_days,
  s.last_order::DATE AS last_order, s.segment, s.r_score, s.f_score, s.m_score,
  round(s.return_rate, 3) AS return_rate, s.as_of, s.run_id
FROM customer_scores s
WHERE s.run_id = coalesce($run::INTEGER, (SELECT run_id FROM latest_run))
  AND ($since::DATE IS NULL OR s.last_order >= $since::DATE)
  AND ($segment::VARCHAR IS NULL OR s.segment = $segment::VARCHAR)
ORDER BY s.monetary DESC, s.customer_id
LIMIT $limit
