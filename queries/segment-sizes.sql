-- name: segment-sizes
-- description: Customers and net spend per segment in a run, with shares of the total.
-- param: run INTEGER = NULL   run id (default: the latest successful run)
SELECT segment, count(*) AS customers, round(100.0 * count(*) / sum(count(*)) OVER (), 1) AS customers_pct,
  round(sum(monetary), 2) AS monetary, round(100.0 * sum(monetary) / nullif(sum(sum(monetary)) OVER (), 0), 1) AS monetary_pct,
  round(avg(recency_days), 1) AS avg_recency_days, round(avg(frequency), 2) AS avg_frequency
FROM customer_scores
WHERE run_id = coalesce($run::INTEGER, (SELECT run_id FROM latest_run))
GROUP BY segment
ORDER BY monetary DESC
