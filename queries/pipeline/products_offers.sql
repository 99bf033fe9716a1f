-- Next-best offer of run run for the customers the call lists draw on: churn band high (the
-- worth-saving list adds its value tiers) or state lapsing/lapsed (the win-back list). The offer
-- is an item the customer has not bought:
--   basis 'pair'    the customer-scope rule A → C with A bought and C not, most confident first
--                   (then lift, baskets holding both, C, A): "bought A; 38% of customers who bought A also bought C"
--   basis 'segment' when no rule applies: the item bought by the largest share of the customer's
--                   segment (then lift, item): "41% of Champions customers bought C (1.8× the average)"
-- A customer who has bought every item on offer gets no row.
INSERT INTO product_offers
WITH targets AS (
  SELECT c.customer_id, c.segment FROM customer_scores c SEMI JOIN product_customers p USING (customer_id)
  WHERE c.run_id = $run AND (c.churn_band = 'high' OR c.state IN ('lapsing', 'lapsed'))
),
owned AS (
  SELECT customer_id, item FROM customer_items SEMI JOIN targets USING (customer_id) WHERE bought
),
by_pair AS (
  SELECT o.customer_id, p.consequent AS offer, p.consequent_name AS offer_name, p.antecedent AS because,
    p.antecedent_name AS because_name, p.confidence AS share, p.lift, p.both_count
  FROM owned o JOIN product_pairs p ON p.run_id = $run AND p.scope = 'customer' AND p.antecedent = o.item
  WHERE NOT EXISTS (SELECT 1 FROM owned x WHERE x.customer_id = o.customer_id AND x.item = p.consequent)
  QUALIFY row_number() OVER (PARTITION BY o.customer_id
    ORDER BY p.confidence DESC, p.lift DESC, p.both_count DESC, p.consequent, p.antecedent) = 1
),
by_segment AS (
  SELECT t.customer_id, m.item AS offer, m.item_name AS offer_name, t.segment AS because,
    m.customer_share AS share, m.customer_lift AS lift
  FROM targets t JOIN product_mix m ON m.run_id = $run AND m.group_kind = 'segment' AND m.group_value = t.segment
  WHERE m.customers > 0
    AND NOT EXISTS (SELECT 1 FROM by_pair b WHERE b.customer_id = t.customer_id)
    AND NOT EXISTS (SELECT 1 FROM owned x WHERE x.customer_id = t.customer_id AND x.item = m.item)
  QUALIFY row_number() OVER (PARTITION BY t.customer_id ORDER BY m.customer_share DESC, m.customer_lift DESC, m.item) = 1
)
SELECT $run, customer_id, $kind, offer, offer_name, 'pair', because, share, lift,
  'bought ' || because_name || '; ' || round(share * 100)::INTEGER || '% of customers who bought ' || because_name
    || ' also bought ' || offer_name
FROM by_pair
UNION ALL
SELECT $run, customer_id, $kind, offer, offer_name, 'segment', because, share, lift,
  round(share * 100)::INTEGER || '% of ' || because || ' customers bought ' || offer_name
    || coalesce(' (' || round(lift, 1) || '× the average)', '')
FROM by_segment;
