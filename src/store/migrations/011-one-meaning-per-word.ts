import type { Migration } from './types.js';

/** Old customer-state code → new one (README "Customer states": no state word is an RFM segment word). */
export const STATE_RENAMES: Readonly<Record<string, string>> = { new: 'first_order', loyal: 'regular', at_risk: 'lapsing', lost: 'lapsed' };

const rename = (col: string): string =>
  `CASE ${col} ${Object.entries(STATE_RENAMES).map(([from, to]) => `WHEN '${from}' THEN '${to}'`).join(' ')} ELSE ${col} END`;
const olds = Object.keys(STATE_RENAMES).map((s) => `'${s}'`).join(', ');

export const migration: Migration = {
  version: 11,
  name: 'one meaning per word: state codes first_order, regular, lapsing, lapsed; value if kept; backtest bands',
  sql: `
      -- 12-month value if the customer stays (the CLV with P(alive) = 1, same margin and discount):
      -- what a customer at risk is worth saving for; value_tier ranks it from this migration on.
      -- NULL for earlier runs (their value_tier ranked clv_12m, see run_config 'models').
      ALTER TABLE customer_scores ADD COLUMN value_if_kept_12m DOUBLE;
      -- Per churn band of a backtest: customers, mean predicted risk and the no-order share observed
      -- within the churn horizon ([{band, customers, share, mean_risk, observed_no_order}, …]).
      ALTER TABLE backtests ADD COLUMN bands JSON;
      -- Customer states used "lost" and "at risk" like the RFM segments Lost and At Risk, for other
      -- customers. Earlier runs' codes are rewritten so history compares with new runs. (After the
      -- ALTERs: DuckDB refuses to alter a table this transaction has already updated.)
      UPDATE customer_scores SET state = ${rename('state')} WHERE state IN (${olds});
      UPDATE state_moves SET from_state = ${rename('from_state')}, to_state = ${rename('to_state')}
        WHERE from_state IN (${olds}) OR to_state IN (${olds});
    `,
};
