import type { DuckDBConnection } from '@duckdb/node-api';
import type { CustomerInput } from '../scoring/fitModels.js';
import { readNumberColumns } from '../store/columns.js';

/**
 * The model inputs without the customers flagged `house_account` in customer_summary: what the
 * model fits are fitted on (every customer is still scored with the fitted models). Returns
 * `input` itself when none is flagged, so the caller can reuse what it computed from it.
 *
 * @example const fitOn = await withoutHouseAccounts(conn, input); fitOn.x.length // customers − house accounts
 */
export async function withoutHouseAccounts(conn: DuckDBConnection, input: CustomerInput): Promise<CustomerInput> {
  const [idx] = await readNumberColumns(conn, 'SELECT idx::DOUBLE FROM customer_summary WHERE house_account ORDER BY idx');
  if (!idx || idx.length === 0) return input;
  const house = new Uint8Array(input.x.length);
  for (const i of idx) house[i] = 1;
  const keep = (a: Float64Array): Float64Array => a.filter((_, i) => house[i] === 0);
  return { x: keep(input.x), txDays: keep(input.txDays), TDays: keep(input.TDays), mbar: keep(input.mbar), monetary: keep(input.monetary) };
}
