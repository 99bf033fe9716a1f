import type { DuckDBConnection } from '@duckdb/node-api';
import { readNumberColumns } from '../../store/columns.js';
import { literal } from '../../util/sql.js';
import { pipelineSql } from '../../util/paths.js';
import type { CustomerInput } from '../fitModels.js';
import type { HoldoutSplit } from '../select/holdoutScores.js';

const dayShift = (iso: string, days: number): string => new Date(Date.parse(iso + 'T00:00:00Z') - days * 86_400_000).toISOString().slice(0, 10);

/** A pipeline query with its $parameters inlined as literals (readNumberColumns takes no parameters). */
function withParams(name: string, params: Record<string, string | number | null>): string {
  let sql = pipelineSql(name);
  for (const [k, v] of Object.entries(params)) sql = sql.replaceAll(`$${k}`, v === null ? 'NULL' : typeof v === 'number' ? String(v) : literal(v));
  return sql;
}

/**
 * Model selection's holdout for a run as of `asOf`: the customers of customer_summary (house
 * accounts left out; with `stride` k only every k-th by idx) who had bought by asOf − holdoutDays, their histories then and now in model
 * units, and the holdout's purchase days per day. One pass over the transactions up to the cutoff
 * and one over those up to the run date (each a GROUP BY customer, day).
 *
 * @example const split = await readHoldoutSplit(conn, input, { asOf: '1998-06-30', holdoutDays: 63, currency: '*', daysPerUnit: 7 });
 */
export async function readHoldoutSplit(
  conn: DuckDBConnection,
  input: CustomerInput,
  o: { asOf: string; holdoutDays: number; currency: string | null; daysPerUnit: number; stride?: number },
): Promise<HoldoutSplit> {
  const cutoff = dayShift(o.asOf, o.holdoutDays);
  const stride = o.stride ?? 1;
  if (!(Number.isInteger(stride) && stride >= 1)) throw new RangeError(`stride must be a whole number ≥ 1, got ${stride}`);
  const params = { cutoff, as_of: o.asOf, currency: o.currency, stride };
  const [idx, xCal, silent] = await readNumberColumns(conn, withParams('holdout_split', params));
  const [offset, count] = await readNumberColumns(conn, withParams('holdout_daily', params));
  const k = o.daysPerUnit, H = o.holdoutDays;
  const n = idx!.length;
  const split: HoldoutSplit = {
    cal: { x: new Float64Array(n), tx: new Float64Array(n), T: new Float64Array(n) },
    full: { x: new Float64Array(n), tx: new Float64Array(n), T: new Float64Array(n) },
    horizon: H / k,
    daysPerUnit: k,
    daily: new Float64Array(H),
  };
  for (let j = 0; j < n; j++) {
    const i = idx![j]!;
    const Tcal = input.TDays[i]! - H;
    split.cal.x[j] = xCal![j]!;
    split.cal.T[j] = Tcal / k;
    split.cal.tx[j] = (Tcal - silent![j]!) / k;
    split.full.x[j] = input.x[i]!;
    split.full.tx[j] = input.txDays[i]! / k;
    split.full.T[j] = input.TDays[i]! / k;
  }
  offset!.forEach((d, j) => {
    if (d >= 1 && d <= H) split.daily[d - 1] = count![j]!;
  });
  return split;
}
