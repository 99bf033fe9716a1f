-- Customer state and lifecycle stage of every customer in customer_summary, staged by idx in the
-- temp table state_columns for the run's single customer_scores write (src/analyze/scoresStep.ts).
-- Thresholds are parameters (src/dynamics/config.ts); the order of the WHEN clauses is the rule.
-- State codes (README "Customer states"): first_order, repeat, regular, lapsing, lapsed, won_back.
-- No state word is an RFM segment word (Champions, At Risk, Lost, …): the two vocabularies differ.
-- The parameters keep the config's names ($at_risk_… = lapsing, $lost_… = lapsed, $loyal_… = regular,
-- $new_days = first order).
CREATE OR REPLACE TEMP TABLE state_columns AS
WITH t AS (
  SELECT s.*,
    greatest($at_risk_min_days, $at_risk_gap_multiple * coalesce(s.gap_mean, 0)) AS lapsing_after,
    greatest($lost_min_days, $lost_gap_multiple * coalesce(s.gap_mean, 0)) AS lapsed_after,
    -- the cadence before the latest order, to judge whether the gap before it was a "lapsed" gap
    greatest($lost_min_days, $lost_gap_multiple * CASE WHEN s.x >= 2 THEN (s.t_x - s.last_gap) / (s.x - 1) ELSE 0 END) AS lapsed_gap_before_last,
    s.days_last_180 / 180.0 AS rate_recent,
    CASE WHEN s.tenure_days > 180 THEN (s.x + 1 - s.days_last_180) / (s.tenure_days - 180.0) END AS rate_before
  FROM customer_summary s
),
labelled AS (
  SELECT idx,
    CASE
      WHEN recency_days > lapsed_after THEN 'lapsed'
      WHEN x >= 1 AND last_gap > lapsed_gap_before_last AND recency_days <= $won_back_days THEN 'won_back'
      WHEN frequency <= 1 AND recency_days <= $new_days THEN 'first_order'
      WHEN recency_days > lapsing_after THEN 'lapsing'
      WHEN frequency >= $loyal_min_orders AND tenure_days >= $loyal_min_tenure_days THEN 'regular'
      ELSE 'repeat'
    END AS state,
    CASE
      WHEN x = 0 AND recency_days > $exploration_days THEN 'decline'
      WHEN x >= 1 AND recency_days > lapsing_after THEN 'decline'
      WHEN x >= 1 AND rate_before > 0 AND tenure_days >= 180 + $exploration_days
        AND rate_recent < $decline_rate_ratio * rate_before THEN 'decline'
      WHEN x = 0 OR tenure_days < $exploration_days THEN 'exploration'
      WHEN tenure_days >= $stability_min_tenure_days AND frequency >= $loyal_min_orders
        AND gap_sd <= $stability_max_gap_cv * gap_mean THEN 'stability'
      ELSE 'formation'
    END AS lifecycle_stage
  FROM t
)
SELECT idx, state, lifecycle_stage FROM labelled
