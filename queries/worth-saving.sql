-- name: worth-saving
-- description: Customers worth saving: in the high churn band and a high value tier (the run's highValueTiers, top by default), highest 12-month value if kept first; house accounts left out. The report's worth-saving.csv is this query.
-- param: run INTEGER = NULL        run id (default: the latest successful run)
-- param: limit INTEGER = 1000      how many customers to list
-- Value tiers rank value_if_kept_12m, the 12-month value of a customer who stays: the
-- churn-discounted clv_12m would put almost no high-risk customer in a high tier. Runs made
-- before it existed fall back to clv_12m and count top and mid as high value, as they did.
WITH r AS (
  SELECT coalesce($run::INTEGER, (SELECT run_id FROM latest_run)) AS run_id
),
high_value AS (
  SELECT coalesce(
    (SELECT from_json(json_extract(config, '$.highValueTiers'), '["VARCHAR"]') FROM run_config c, r
     WHERE c.run_id = r.run_id AND c.section = 'models' AND json_extract(config, '$.highValueTiers') IS NOT NULL),
    ['top', 'mid']) AS tiers
)
SELECT row_number() OVER (ORDER BY round(coalesce(value_if_kept_12m, clv_12m), 2) DESC NULLS LAST, customer_id) AS rank,
  customer_id, segment, state, value_tier, round(churn_risk, 4) AS churn_risk,
  round(coalesce(value_if_kept_12m, clv_12m), 2) AS value_if_kept_12m, round(clv_12m, 2) AS clv_12m,
  round(historic_value, 2) AS historic_value, last_order::DATE::VARCHAR AS last_order, recency_days,
  frequency AS orders, churn_reason
FROM customer_scores, r, high_value
WHERE customer_scores.run_id = r.run_id
  AND churn_band = 'high'
  AND list_contains(high_value.tiers, value_tier)
  AND house_account IS NOT TRUE -- a marketplace or wholesale id is not a customer to call (README "House accounts")
ORDER BY rank
LIMIT $limit
