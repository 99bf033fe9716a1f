-- Next-best offer of run $run for the customers the call lists draw on: churn band high (the
-- worth-saving list adds its value tiers) or state lapsing/lapsed (the win-back list); house
-- accounts left out. The offer is an item the customer has not bought:
--   basis 'pair'    the customer-scope rule A → C with A bought and C not, most confident first
--                   (then lift, baskets holding both, C, A): "bought A; 38% of customers who bought A also bought C"
--   basis 'segment' when no rule applies: the item bought by the largest share of the customer's
--                   segment (then lift, item): "41% of Champions customers bought C (1.8× the average)"
-- A customer who has bought every item on offer gets no row.
-- Rules and segment items are ranked once (small tables); each customer then takes the minimum
-- rank among their candidates, a hash aggregate instead of a sort of millions of candidate rows.
INSERT INTO product_offers
WITH targets AS (
  SELECT customer_id, segment FROM customer_scores
  WHERE run_id = $run AND house_account IS NOT TRUE AND (churn_band = 'high' OR state IN ('lapsing', 'lapsed'))
),
owned AS (
  SELECT customer_id, item FROM customer_items SEMI JOIN targets USING (customer_id) WHERE bought
),
rules AS (
  SELECT antecedent, consequent, antecedent_name, consequent_name, confidence, lift, both_count,
    row_number() OVER (ORDER BY confidence DESC, lift DESC, both_count DESC, consequent, antecedent) AS rk
  FROM product_pairs WHERE run_id = $run AND scope = 'customer'
),
pair_candidates AS (
  SELECT o.customer_id, r.rk, r.consequent AS item FROM owned o JOIN rules r ON r.antecedent = o.item
),
best_pair AS (
  SELECT c.customer_id, min(c.rk) AS rk FROM pair_candidates c
  WHERE NOT EXISTS (SELECT 1 FROM owned x WHERE x.customer_id = c.customer_id AND x.item = c.item)
  GROUP BY c.customer_id
),
seg_items AS (
  -- ranked across segments: restricted to one segment, the order is that segment's order
  SELECT group_value AS segment, item, item_name, customer_share, customer_lift,
    row_number() OVER (ORDER BY customer_share DESC, customer_lift DESC, item, group_value) AS rk
  FROM product_mix WHERE run_id = $run AND group_kind = 'segment' AND customers > 0
),
seg_candidates AS (
  SELECT t.customer_id, s.rk, s.item FROM targets t JOIN seg_items s ON s.segment = t.segment
  WHERE NOT EXISTS (SELECT 1 FROM best_pair b WHERE b.customer_id = t.customer_id)
),
best_seg AS (
  SELECT c.customer_id, min(c.rk) AS rk FROM seg_candidates c
  WHERE NOT EXISTS (SELECT 1 FROM owned x WHERE x.customer_id = c.customer_id AND x.item = c.item)
  GROUP BY c.customer_id
)
SELECT $run, b.customer_id, $kind, r.consequent, r.consequent_name, 'pair', r.antecedent, r.confidence, r.lift,
  'bought ' || r.antecedent_name || '; ' || round(r.confidence * 100)::INTEGER || '% of customers who bought ' || r.antecedent_name
    || ' also bought ' || r.consequent_name
FROM best_pair b JOIN rules r USING (rk)
UNION ALL
SELECT $run, b.customer_id, $kind, s.item, s.item_name, 'segment', s.segment, s.customer_share, s.customer_lift,
  round(s.customer_share * 100)::INTEGER || '% of ' || s.segment || ' customers bought ' || s.item_name
    || coalesce(' (' || round(s.customer_lift, 1) || '× the average)', '')
FROM best_seg b JOIN seg_items s USING (rk);
