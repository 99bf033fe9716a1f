-- name: segment-movers
-- description: Customers who changed segment between two runs (default: the latest successful run and the latest successful one before its as-of date), counted per move with their net spend now.
-- param: run INTEGER = NULL        the later run (default: the latest successful run)
-- param: previous INTEGER = NULL   the earlier run (default: the latest successful run with an earlier as-of date)
WITH later AS (
  SELECT run_id, as_of FROM runs
  WHERE run_id = coalesce($run::INTEGER, (SELECT run_id FROM latest_run))
),
earlier AS (
  SELECT coalesce($previous::INTEGER, (
    SELECT r.run_id FROM runs r, later l WHERE r.status = 'ok' AND r.as_of < l.as_of ORDER BY r.as_of DESC, r.run_id DESC LIMIT 1
  )) AS run_id
),
a AS (SELECT customer_id, segment FROM customer_scores WHERE run_id = (SELECT run_id FROM earlier)),
b AS (SELECT customer_id, segment, monetary FROM customer_scores WHERE run_id = (SELECT run_id FROM later))
SELECT coalesce(a.segment, '(new customer)') AS from_segment, coalesce(b.segment, '(not in run)') AS to_segment,
  count(*) AS customers, round(sum(b.monetary), 2) AS monetary,
  (SELECT run_id FROM earlier) AS previous_run_id, (SELECT run_id FROM later) AS run_id
FROM a FULL JOIN b USING (customer_id)
WHERE a.segment IS DISTINCT FROM b.segment
GROUP BY ALL
ORDER BY customers DESC, from_segment, to_segment
