import { DOUBLE, INTEGER, TINYINT, VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import type { CompressedSummary } from '../../models/compress.js';
import { churnReasons } from '../../models/reason.js';
import { CHURN_BANDS, VALUE_TIERS } from '../../models/tiers.js';
import { appendColumns } from '../../store/columns.js';
import { literal } from '../../util/sql.js';
import { compressHistories, type CustomerInput } from '../fitModels.js';
import type { CustomerScores } from '../scoreCustomers.js';

/** `[...][code + 1]`: a code column as its name (DuckDB lists are 1-based). */
const names = (values: readonly string[], code: string): string => `[${values.map(literal).join(', ')}][${code} + 1]`;
/** A DOUBLE where NaN means "no value". */
const orNull = (col: string): string => `CASE WHEN isnan(${col}) THEN NULL ELSE ${col} END`;

/**
 * Fill the run's churn and CLV columns of customer_scores from per-customer scores (null: no
 * model fitted, only historic_value and churn_reason are set). Numbers go to a temp table by idx
 * and are joined back with one UPDATE; reasons are built once per distinct (x, t_x, T) history and
 * joined by row number, so a million customers cost a few thousand strings. NaN becomes NULL.
 *
 * @example await writeModelScores(conn, runId, asOf, input, scores, 1.0);
 */
export async function writeModelScores(
  conn: DuckDBConnection,
  runId: number,
  asOf: string,
  input: CustomerInput,
  scores: CustomerScores | null,
  margin: number,
  histories: CompressedSummary = compressHistories(input),
): Promise<void> {
  const n = input.x.length;
  const reasons = churnReasons(histories.x, histories.tx, histories.T);
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE model_reasons (reason_row INTEGER, reason VARCHAR);
     CREATE OR REPLACE TEMP TABLE model_out (idx INTEGER, reason_row INTEGER, p_alive DOUBLE, churn_risk DOUBLE, band TINYINT,
       expected_orders DOUBLE, next_days DOUBLE, order_value DOUBLE, clv DOUBLE, tier TINYINT)`,
  );
  await appendColumns(conn, 'model_reasons', [
    { type: INTEGER, values: Int32Array.from({ length: reasons.length }, (_, i) => i) },
    { type: VARCHAR, values: reasons },
  ]);
  const none = new Float64Array(n).fill(Number.NaN);
  const zero = new Uint8Array(n);
  await appendColumns(conn, 'model_out', [
    { type: INTEGER, values: Int32Array.from({ length: n }, (_, i) => i) },
    { type: INTEGER, values: histories.rowOf },
    { type: DOUBLE, values: scores?.pAlive ?? none },
    { type: DOUBLE, values: scores?.churnRisk ?? none },
    { type: TINYINT, values: scores?.band ?? zero },
    { type: DOUBLE, values: scores?.expectedOrders ?? none },
    { type: DOUBLE, values: scores?.nextOrderDays ?? none },
    { type: DOUBLE, values: scores?.orderValue ?? none },
    { type: DOUBLE, values: scores?.clv ?? none },
    { type: TINYINT, values: scores?.tier ?? zero },
  ]);
  await conn.run(
    `UPDATE customer_scores AS cs SET
       p_alive = u.p_alive, churn_risk = u.churn_risk, churn_band = u.churn_band, expected_orders_90d = u.expected_orders,
       expected_next_order_date = u.next_date, predicted_spend = u.order_value, clv_12m = u.clv, historic_value = u.historic_value,
       value_tier = u.value_tier, churn_reason = u.reason
     FROM (
       SELECT s.customer_id, ${orNull('o.p_alive')} AS p_alive, ${orNull('o.churn_risk')} AS churn_risk,
         CASE WHEN isnan(o.churn_risk) THEN NULL ELSE ${names(CHURN_BANDS, 'o.band')} END AS churn_band,
         ${orNull('o.expected_orders')} AS expected_orders,
         CASE WHEN isnan(o.next_days) THEN NULL ELSE $as_of::DATE + o.next_days::INTEGER END AS next_date,
         ${orNull('o.order_value')} AS order_value, ${orNull('o.clv')} AS clv,
         CASE WHEN isnan(o.clv) THEN NULL ELSE ${names(VALUE_TIERS, 'o.tier')} END AS value_tier,
         $margin * s.monetary AS historic_value, r.reason
       FROM customer_summary s JOIN model_out o USING (idx) JOIN model_reasons r USING (reason_row)
     ) AS u
     WHERE cs.run_id = $run AND cs.customer_id = u.customer_id`,
    { run: runId, as_of: asOf, margin },
  );
  await conn.run('DROP TABLE model_out; DROP TABLE model_reasons');
}
