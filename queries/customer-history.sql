-- name: customer-history
-- description: One customer's full history: their scores and segment in every successful run, oldest as-of first.
-- param: customer_id VARCHAR   the customer id exactly as stored, e.g. C000042
SELECT s.as_of, s.run_id, r.pipeline, s.segment, s.r_score, s.f_score, s.m_score, s.recency_days, s.frequency,
  round(s.monetary, 2) AS monetary, round(s.return_rate, 3) AS return_rate, s.first_order, s.last_order
FROM customer_scores s JOIN runs r USING (run_id)
WHERE s.customer_id = $customer_id AND r.status = 'ok'
ORDER BY s.as_of, s.run_id
