-- The next-best offers of products_offers.sql, computed the same way for at most 64 items (when
-- item_ids exists, see products_pairs_mask.sql): each target customer's bought items become a
-- 64-bit mask, the best rule (and, failing one, the best segment item) is found once per distinct
-- mask (and segment) — a few thousand — and the customers join their mask's answer. The rules,
-- ranks, tie-breaks and reasons are those of products_offers.sql (a test checks both agree).
INSERT INTO product_offers
WITH targets AS (
  SELECT customer_id, segment FROM customer_scores
  WHERE run_id = $run AND house_account IS NOT TRUE AND (churn_band = 'high' OR state IN ('lapsing', 'lapsed'))
),
owned AS (
  SELECT c.customer_id, bit_or(1::UBIGINT << i.id) AS mask
  FROM customer_items c JOIN item_ids i USING (item)
  WHERE c.bought AND c.customer_id IN (SELECT customer_id FROM targets)
  GROUP BY c.customer_id
),
people AS (
  SELECT t.customer_id, t.segment, coalesce(o.mask, 0::UBIGINT) AS mask FROM targets t LEFT JOIN owned o USING (customer_id)
),
kinds AS (
  SELECT DISTINCT segment, mask FROM people
),
rules AS (
  SELECT p.antecedent, p.consequent, p.antecedent_name, p.consequent_name, p.confidence, p.lift, a.id AS a_id, c.id AS c_id,
    row_number() OVER (ORDER BY p.confidence DESC, p.lift DESC, p.both_count DESC, p.consequent, p.antecedent) AS rk
  FROM product_pairs p JOIN item_ids a ON a.item = p.antecedent JOIN item_ids c ON c.item = p.consequent
  WHERE p.run_id = $run AND p.scope = 'customer'
),
best_pair AS (
  SELECT k.mask, min(r.rk) AS rk
  FROM (SELECT DISTINCT mask FROM kinds) k
  JOIN rules r ON (k.mask >> r.a_id) & 1::UBIGINT = 1::UBIGINT AND (k.mask >> r.c_id) & 1::UBIGINT = 0::UBIGINT
  GROUP BY k.mask
),
seg_items AS (
  SELECT m.group_value AS segment, m.item, m.item_name, m.customer_share, m.customer_lift, i.id,
    row_number() OVER (ORDER BY m.customer_share DESC, m.customer_lift DESC, m.item, m.group_value) AS rk
  FROM product_mix m JOIN item_ids i USING (item)
  WHERE m.run_id = $run AND m.group_kind = 'segment' AND m.customers > 0
),
best_seg AS (
  SELECT k.segment, k.mask, min(s.rk) AS rk
  FROM kinds k JOIN seg_items s ON s.segment = k.segment AND (k.mask >> s.id) & 1::UBIGINT = 0::UBIGINT
  WHERE k.mask NOT IN (SELECT mask FROM best_pair)
  GROUP BY k.segment, k.mask
)
SELECT $run, p.customer_id, $kind, r.consequent, r.consequent_name, 'pair', r.antecedent, r.confidence, r.lift,
  'bought ' || r.antecedent_name || '; ' || round(r.confidence * 100)::INTEGER || '% of customers who bought ' || r.antecedent_name
    || ' also bought ' || r.consequent_name
FROM people p JOIN best_pair b USING (mask) JOIN rules r USING (rk)
UNION ALL
SELECT $run, p.customer_id, $kind, s.item, s.item_name, 'segment', s.segment, s.customer_share, s.customer_lift,
  round(s.customer_share * 100)::INTEGER || '% of ' || s.segment || ' customers bought ' || s.item_name
    || coalesce(' (' || round(s.customer_lift, 1) || '× the average)', '')
FROM people p JOIN best_seg b USING (segment, mask) JOIN seg_items s USING (rk);
