-- Cross-sell rules of run $run for one scope ('customer': every item a customer bought up to the
-- as-of date; 'order': the items of one order), from the counts products_pairs_mask.sql or
-- products_pairs_join.sql wrote. For a rule antecedent → consequent:
--   support    = baskets holding both / baskets
--   confidence = baskets holding both / baskets holding the antecedent
--   lift       = confidence / (baskets holding the consequent / baskets)   (> 1: bought together more than by chance)
-- Minimum support scales with the data: a pair needs min_count = max(min_count setting,
-- ceil(min_support × baskets)) baskets holding both (basket_total).
-- Kept: rules with lift > 1, the rules_per_item most confident per antecedent (then lift, count, name).
INSERT INTO product_pairs
WITH rules AS (
  SELECT x AS antecedent, y AS consequent, both_count FROM pair_counts
  UNION ALL
  SELECT y, x, both_count FROM pair_counts
),
scored AS (
  SELECT r.antecedent, r.consequent, t.baskets, ca.n AS antecedent_count, cc.n AS consequent_count, r.both_count,
    r.both_count / t.baskets AS support,
    r.both_count / ca.n AS confidence,
    (r.both_count * t.baskets) / (ca.n * cc.n) AS lift,
    t.min_count
  FROM rules r JOIN item_counts ca ON ca.item = r.antecedent JOIN item_counts cc ON cc.item = r.consequent CROSS JOIN basket_total t
)
SELECT $run, $kind, $scope, s.antecedent, s.consequent, na.name, nc.name, s.baskets, s.antecedent_count, s.consequent_count,
  s.both_count, s.support, s.confidence, s.lift, s.min_count
FROM scored s JOIN item_names na ON na.item = s.antecedent JOIN item_names nc ON nc.item = s.consequent
WHERE s.lift > 1
QUALIFY row_number() OVER (PARTITION BY s.antecedent ORDER BY s.confidence DESC, s.lift DESC, s.both_count DESC, s.consequent) <= $rules_per_item;
