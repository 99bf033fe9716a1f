import { DOUBLE, INTEGER, TINYINT, VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import type { CompressedSummary } from '../../models/compress.js';
import { churnReasons } from '../../models/reason.js';
import { CHURN_BANDS, VALUE_TIERS, type ChurnBand } from '../../models/tiers.js';
import { en } from '../../report/i18n/en.js';
import { appendColumns } from '../../store/columns.js';
import { literal } from '../../util/sql.js';
import { compressHistories, type CustomerInput } from '../fitModels.js';
import type { CustomerScores } from '../scoreCustomers.js';

/** `[...][code + 1]`: a code column as its name (DuckDB lists are 1-based). */
const names = (values: readonly string[], code: string): string => `[${values.map(literal).join(', ')}][${code} + 1]`;
/** A DOUBLE where NaN means "no value". */
const orNull = (col: string): string => `CASE WHEN isnan(${col}) THEN NULL ELSE ${col} END`;

const TABLES = `CREATE OR REPLACE TEMP TABLE model_reasons (reason_row INTEGER, reason VARCHAR);
  CREATE OR REPLACE TEMP TABLE model_out (idx INTEGER, reason_row INTEGER, p_alive DOUBLE, churn_risk DOUBLE, band TINYINT,
    expected_orders DOUBLE, next_days DOUBLE, order_value DOUBLE, clv DOUBLE, value_if_kept DOUBLE, tier TINYINT, historic_value DOUBLE)`;

/**
 * The view `model_columns`: each customer's churn and CLV columns of customer_scores by idx, as
 * the scores step writes them. A view, not a table: the columns are computed once, while writing.
 * The as-of date is inlined as a literal (a view takes no parameters).
 */
async function createView(conn: DuckDBConnection, asOf: string): Promise<void> {
  await conn.run(
    `CREATE OR REPLACE TEMP VIEW model_columns AS
     SELECT o.idx, ${orNull('o.p_alive')} AS p_alive, ${orNull('o.churn_risk')} AS churn_risk,
       CASE WHEN isnan(o.churn_risk) THEN NULL ELSE ${names(CHURN_BANDS, 'o.band')} END AS churn_band,
       ${orNull('o.expected_orders')} AS expected_orders_90d,
       CASE WHEN isnan(o.next_days) THEN NULL ELSE ${literal(asOf)}::DATE + o.next_days::INTEGER END AS expected_next_order_date,
       ${orNull('o.order_value')} AS predicted_spend, ${orNull('o.clv')} AS clv_12m, ${orNull('o.value_if_kept')} AS value_if_kept_12m,
       CASE WHEN isnan(o.value_if_kept) THEN NULL ELSE ${names(VALUE_TIERS, 'o.tier')} END AS value_tier,
       o.historic_value, r.reason AS churn_reason
     FROM model_out o JOIN model_reasons r USING (reason_row)`,
  );
}

/**
 * Stage the run's churn and CLV columns from per-customer scores (null: no model fitted, only
 * historic_value and churn_reason are set) for the run's single customer_scores write. Numbers go
 * to a temp table by idx; reasons are built once per distinct (x, t_x, T) history and joined by
 * row number (fewer strings than customers: 428k for the 1M-customer bench), in English from the
 * history's numbers and band (the report renders its own locale from the same numbers). NaN
 * becomes NULL.
 *
 * @example await stageModelScores(conn, asOf, input, scores, { margin: 1.0, horizonDays: 63 });
 */
export async function stageModelScores(
  conn: DuckDBConnection,
  asOf: string,
  input: CustomerInput,
  scores: CustomerScores | null,
  settings: { margin: number; horizonDays: number },
  histories: CompressedSummary = compressHistories(input),
): Promise<void> {
  const n = input.x.length;
  const { margin, horizonDays } = settings;
  const reasons = churnReasons(histories.x, histories.tx, histories.T, historyBands(scores, histories), horizonDays, en.reasons);
  await conn.run(TABLES);
  await appendColumns(conn, 'model_reasons', [
    { type: INTEGER, values: Int32Array.from({ length: reasons.length }, (_, i) => i) },
    { type: VARCHAR, values: reasons },
  ]);
  const none = new Float64Array(n).fill(Number.NaN);
  const zero = new Uint8Array(n);
  // margin × net spend to date, the same IEEE product DuckDB would form
  const historic = Float64Array.from(input.monetary, (m) => margin * m);
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
    { type: DOUBLE, values: scores?.valueIfKept ?? none },
    { type: TINYINT, values: scores?.tier ?? zero },
    { type: DOUBLE, values: historic },
  ]);
  await createView(conn, asOf);
}

/** Each distinct history's churn band (one customer of each row tells it); null without scores or risk. */
function historyBands(scores: CustomerScores | null, histories: CompressedSummary): (ChurnBand | null)[] {
  const bands: (ChurnBand | null)[] = new Array<ChurnBand | null>(histories.x.length).fill(null);
  if (scores === null) return bands;
  histories.rowOf.forEach((row, i) => {
    if (!Number.isNaN(scores.churnRisk[i]!)) bands[row] = CHURN_BANDS[scores.band[i]!]!;
  });
  return bands;
}

/** No customers to model: an empty `model_columns`, so the scores step's join finds it. */
export async function stageNoModelScores(conn: DuckDBConnection): Promise<void> {
  await conn.run(TABLES);
  await createView(conn, '1970-01-01');
}
