import type { DuckDBConnection } from '@duckdb/node-api';
import { readNumberColumns } from '../../store/columns.js';
import type { CustomerInput } from '../fitModels.js';

/**
 * The model inputs of every customer in the temp table `customer_summary` (built by
 * buildSummary for an as-of date), in idx order, as typed arrays; times in days; house accounts
 * flagged (fitModels leaves them out of the fits).
 *
 * @example const input = await readCustomerInput(conn); input.x.length // customers
 */
export async function readCustomerInput(conn: DuckDBConnection): Promise<CustomerInput> {
  const [x, txDays, TDays, mbar, monetary, house] = await readNumberColumns(
    conn,
    'SELECT x::DOUBLE, t_x::DOUBLE, T::DOUBLE, coalesce(m_bar, 0)::DOUBLE, coalesce(monetary, 0)::DOUBLE, coalesce(house_account, false)::INTEGER FROM customer_summary ORDER BY idx',
  );
  return { x: x!, txDays: txDays!, TDays: TDays!, mbar: mbar!, monetary: monetary!, house: Uint8Array.from(house!) };
}
