-- Category (or top-product) mix of run run per group: the whole base ('all'), each segment,
-- cluster and value tier. Per (group, item):
--   customers       group customers who bought the item        group_customers: the group's size
--   customer_share  customers / group_customers                revenue_share: item revenue / group product revenue
--   customer_lift   customer_share / the base's customer_share (2 = twice as likely to buy it)
--   revenue_lift    revenue_share / the base's revenue_share
-- Items: every category, or the top_products products bought by the most customers (kind
-- 'product'); revenue shares are of all product revenue either way. One join and one grouping-sets
-- aggregation over customer_items.
INSERT INTO product_mix
WITH joined AS (
  SELECT ci.item, ci.revenue, ci.bought, pc.segment, pc.cluster, pc.value_tier
  FROM customer_items ci JOIN product_customers pc USING (customer_id)
),
agg AS (
  SELECT CASE WHEN grouping(segment) = 0 THEN 'segment' WHEN grouping(cluster) = 0 THEN 'cluster'
              WHEN grouping(value_tier) = 0 THEN 'value_tier' ELSE 'all' END AS group_kind,
    CASE WHEN grouping(segment) = 0 THEN segment WHEN grouping(cluster) = 0 THEN cluster
         WHEN grouping(value_tier) = 0 THEN value_tier ELSE 'all' END AS group_value,
    item, count(*) FILTER (WHERE bought) AS customers, sum(revenue) AS revenue
  FROM joined
  GROUP BY GROUPING SETS ((item), (segment, item), (cluster, item), (value_tier, item))
),
sizes AS (
  SELECT CASE WHEN grouping(segment) = 0 THEN 'segment' WHEN grouping(cluster) = 0 THEN 'cluster'
              WHEN grouping(value_tier) = 0 THEN 'value_tier' ELSE 'all' END AS group_kind,
    CASE WHEN grouping(segment) = 0 THEN segment WHEN grouping(cluster) = 0 THEN cluster
         WHEN grouping(value_tier) = 0 THEN value_tier ELSE 'all' END AS group_value,
    count(*) AS group_customers
  FROM product_customers
  GROUP BY GROUPING SETS ((), (segment), (cluster), (value_tier))
),
totals AS (
  SELECT group_kind, group_value, sum(revenue) AS group_revenue FROM agg GROUP BY group_kind, group_value
),
items AS (
  SELECT item FROM agg WHERE group_kind = 'all' AND customers > 0
  QUALIFY $kind = 'category' OR row_number() OVER (ORDER BY customers DESC, revenue DESC, item) <= $top_products
),
shares AS (
  SELECT a.group_kind, a.group_value, a.item, a.customers, s.group_customers,
    a.customers / s.group_customers AS customer_share, a.revenue::DOUBLE AS revenue,
    CASE WHEN t.group_revenue > 0 THEN (a.revenue / t.group_revenue)::DOUBLE END AS revenue_share
  FROM agg a
  JOIN sizes s USING (group_kind, group_value)
  JOIN totals t USING (group_kind, group_value)
  SEMI JOIN items USING (item)
  WHERE a.group_value IS NOT NULL
)
SELECT $run, $kind, x.group_kind, x.group_value, x.item, n.name, x.customers, x.group_customers, x.customer_share,
  x.revenue, x.revenue_share,
  x.customer_share / nullif(b.customer_share, 0) AS customer_lift,
  x.revenue_share / nullif(b.revenue_share, 0) AS revenue_lift
FROM shares x
JOIN shares b ON b.group_kind = 'all' AND b.item = x.item
JOIN item_names n ON n.item = x.item;
