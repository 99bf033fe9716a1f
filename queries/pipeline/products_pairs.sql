-- Cross-sell rules of run run over baskets: scope 'customer' (every item a customer bought up to
-- as_of) or 'order' (the items of one order). For a rule antecedent → consequent:
--   support    = baskets holding both / baskets
--   confidence = baskets holding both / baskets holding the antecedent
--   lift       = confidence / (baskets holding the consequent / baskets)   (> 1: bought together more than by chance)
-- Minimum support scales with the data: a pair needs min_count = max(min_count,
-- ceil(min_support × baskets)) baskets; items below it cannot make such a pair and are dropped
-- before the self-join (the Apriori step), which keeps long catalogues and large baskets cheap.
-- Kept: rules with lift > 1, the rules_per_item most confident per antecedent (then lift, count, name).
CREATE OR REPLACE TEMP TABLE product_baskets AS
SELECT customer_id, '' AS order_id, item FROM customer_items WHERE bought AND $scope = 'customer'
UNION ALL
SELECT customer_id, order_id, item FROM order_items SEMI JOIN product_customers USING (customer_id)
WHERE bought AND $scope = 'order';

INSERT INTO product_pairs
WITH n AS (
  SELECT count(*) AS baskets FROM (SELECT DISTINCT customer_id, order_id FROM product_baskets)
),
t AS (
  SELECT baskets, greatest($min_count, ceil($min_support * baskets))::BIGINT AS min_count FROM n
),
counts AS (
  SELECT item, count(*) AS n FROM product_baskets GROUP BY item
  HAVING count(*) >= (SELECT min_count FROM t)
),
frequent AS (
  SELECT * FROM product_baskets SEMI JOIN counts USING (item)
),
pairs AS (
  SELECT a.item AS x, b.item AS y, count(*) AS both_count
  FROM frequent a JOIN frequent b ON a.customer_id = b.customer_id AND a.order_id = b.order_id AND a.item < b.item
  GROUP BY a.item, b.item
  HAVING count(*) >= (SELECT min_count FROM t)
),
rules AS (
  SELECT x AS antecedent, y AS consequent, both_count FROM pairs
  UNION ALL
  SELECT y, x, both_count FROM pairs
),
scored AS (
  SELECT r.antecedent, r.consequent, t.baskets, ca.n AS antecedent_count, cc.n AS consequent_count, r.both_count,
    r.both_count / t.baskets AS support,
    r.both_count / ca.n AS confidence,
    (r.both_count * t.baskets) / (ca.n * cc.n) AS lift,
    t.min_count
  FROM rules r JOIN counts ca ON ca.item = r.antecedent JOIN counts cc ON cc.item = r.consequent CROSS JOIN t
)
SELECT $run, $kind, $scope, s.antecedent, s.consequent, na.name, nc.name, s.baskets, s.antecedent_count, s.consequent_count,
  s.both_count, s.support, s.confidence, s.lift, s.min_count
FROM scored s JOIN item_names na ON na.item = s.antecedent JOIN item_names nc ON nc.item = s.consequent
WHERE s.lift > 1
QUALIFY row_number() OVER (PARTITION BY s.antecedent ORDER BY s.confidence DESC, s.lift DESC, s.both_count DESC, s.consequent) <= $rules_per_item;
