import type { DuckDBConnection } from '@duckdb/node-api';
import { parseCurrency } from '../load/currency.js';
import { cellNumber as num, selectRows as select } from '../query/selectRows.js';
import { inputError } from '../util/error.js';

/** One currency's transactions up to the as-of date; `currency` null = not known. */
export interface CurrencyTotals {
  currency: string | null;
  transactions: number;
  /** distinct purchase ids (returns are not orders) */
  orders: number;
  /** customers with a purchase */
  customers: number;
  /** net of returns */
  revenue: number;
}

/** The one currency a run analyses, and what it leaves out (stored in run_config 'currency'). */
export interface RunCurrency {
  /** ISO 4217 code, or null when the analysed amounts' currency is not known */
  code: string | null;
  /** named by the caller (pipeline, --currency), or the currency with the most net revenue */
  chosen: 'named' | 'most revenue';
  /** transactions in every other currency (and of unknown currency), left out of the run */
  others: CurrencyTotals[];
  /**
   * The `$currency` parameter of the pipeline SQL: the code (NULL for unknown), or '*' when every
   * transaction up to the date is in it, so the SQL reads them all exactly as before currencies.
   */
  filter: string | null;
}

/** The pipeline SQL's filter on the run's currency; '*' passes every row. */
export const ALL_CURRENCIES = '*';

const UP_TO = 'order_date < $as_of::DATE + INTERVAL 1 DAY';

/**
 * Choose the run's currency: the named one, else the one with the most net revenue up to the
 * as-of date (ties: a known code before unknown, then alphabetical). Other currencies are never
 * converted (no exchange rate is invented): their totals are returned to be listed in the report.
 *
 * @example const c = await runCurrency(conn, '2024-06-30'); c.code // 'GBP'; c.others[0].currency // 'EUR'
 */
export async function runCurrency(conn: DuckDBConnection, asOf: string, named?: string | null): Promise<RunCurrency> {
  const groups = await select(
    conn,
    `SELECT currency, sum(amount::DECIMAL(18, 6)) AS revenue FROM transactions WHERE ${UP_TO}
     GROUP BY currency ORDER BY revenue DESC, currency NULLS LAST`,
    { as_of: asOf },
  );
  const present = groups.map((g) => (g['currency'] === null ? null : String(g['currency'])));
  const code = named ? parseCurrency(named, 'the run\'s "currency"') : (present[0] ?? null);
  // Data loaded before currencies were recorded (or with none declared) say nothing: the named
  // currency is then the one they are in, not a reason to refuse the run.
  if (named && present.length === 1 && present[0] === null) return { code, chosen: 'named', others: [], filter: ALL_CURRENCIES };
  if (named && !present.includes(code)) throw notPresent(code!, asOf, present);
  if (present.length <= 1) return { code, chosen: named ? 'named' : 'most revenue', others: [], filter: ALL_CURRENCIES };
  return { code, chosen: named ? 'named' : 'most revenue', others: await otherTotals(conn, asOf, code), filter: code };
}

/** Totals of the currencies other than `code`: one pass over their rows only. */
async function otherTotals(conn: DuckDBConnection, asOf: string, code: string | null): Promise<CurrencyTotals[]> {
  const rows = await select(
    conn,
    `SELECT currency, count(*) AS transactions,
       count(DISTINCT order_id) FILTER (WHERE NOT is_return) AS orders,
       count(DISTINCT customer_id) FILTER (WHERE NOT is_return) AS customers,
       coalesce(sum(amount::DECIMAL(18, 6)), 0)::DOUBLE AS revenue
     FROM transactions WHERE ${UP_TO} AND currency IS DISTINCT FROM $code::VARCHAR
     GROUP BY currency ORDER BY revenue DESC, currency NULLS LAST`,
    { as_of: asOf, code },
  );
  return rows.map((r) => ({
    currency: r['currency'] === null ? null : String(r['currency']),
    transactions: num(r['transactions']), orders: num(r['orders']), customers: num(r['customers']), revenue: num(r['revenue']),
  }));
}

function notPresent(code: string, asOf: string, present: (string | null)[]): Error {
  const held = present.length ? present.map((c) => c ?? 'not known').join(', ') : 'no transactions';
  return inputError(
    `no transactions in ${code} up to ${asOf}: the data's currencies are ${held}.\n` +
      `  Fix: name one of them as the pipeline's "currency", or load the exports with "currency": "${code}" in the mapping (or crm load --currency ${code}).`,
  );
}
