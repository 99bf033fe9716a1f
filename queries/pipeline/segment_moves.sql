-- Segment and state movement from run $prev to run $run. Customers first seen in $run come from
-- the row 'new' (segments) or 'prospect' (states), so each matrix reproduces both runs' counts.
INSERT INTO segment_moves
SELECT $run, $prev, coalesce(p.segment, 'new'), c.segment, count(*), sum(c.clv_12m)
FROM customer_scores c
LEFT JOIN customer_scores p ON p.run_id = $prev AND p.customer_id = c.customer_id
WHERE c.run_id = $run
GROUP BY ALL;

INSERT INTO state_moves
SELECT $run, $prev, coalesce(p.state, 'prospect'), c.state, count(*)
FROM customer_scores c
LEFT JOIN customer_scores p ON p.run_id = $prev AND p.customer_id = c.customer_id
WHERE c.run_id = $run
GROUP BY ALL;
