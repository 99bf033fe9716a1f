-- name: next-best-offer
-- description: The next-best offer of each customer at high churn risk or lapsing/lapsed (the customers the worth-saving and win-back lists draw on): a category or product they have not bought, why, and how strong the evidence is. The same offers are the next_best_offer and offer_reason columns of worth-saving.csv and win-back.csv.
-- param: run INTEGER = NULL        run id (default: the latest successful run)
-- param: limit INTEGER = 1000      how many customers to list
-- basis 'pair': the cross-sell rule because → offer (share = its confidence); 'segment': the item
-- most bought in the customer's segment (share = that segment's share of buyers). Highest
-- 12-month value if kept first, as the worth-saving list.
WITH r AS (
  SELECT coalesce($run::INTEGER, (SELECT run_id FROM latest_run)) AS run_id
)
SELECT row_number() OVER (ORDER BY round(coalesce(s.value_if_kept_12m, s.clv_12m), 2) DESC NULLS LAST, s.customer_id) AS rank,
  s.customer_id, s.segment, s.state, s.value_tier, s.churn_band, round(coalesce(s.value_if_kept_12m, s.clv_12m), 2) AS value_if_kept_12m,
  o.item_kind, o.offer, o.offer_name, o.basis, o.because, round(o.share, 4) AS share, round(o.lift, 3) AS lift, o.reason
FROM product_offers o
JOIN r ON o.run_id = r.run_id
JOIN customer_scores s ON s.run_id = o.run_id AND s.customer_id = o.customer_id
ORDER BY rank
LIMIT $limit
