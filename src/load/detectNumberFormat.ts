import type { DuckDBConnection } from '@duckdb/node-api';
import { inputError } from '../util/error.js';
import type { Mapping } from './mapping.js';

export type NumberFormat = NonNullable<Mapping['number_format']>;

/**
 * The two ways exports write thousands separators. A value must group by threes to count, so
 * "12.50" is never a thousands-dot reading and "1,5" never a thousands-comma one.
 */
const READINGS = [
  { nf: { decimal: '.', thousands: ',' }, example: '1,234.56', re: '^-?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\\.[0-9]+)?$' },
  { nf: { decimal: ',', thousands: '.' }, example: '1.234,56', re: '^-?([0-9]{1,3}(\\.[0-9]{3})+|[0-9]+)(,[0-9]+)?$' },
] as const;

/** The DOUBLE a reading gives `v`: drop the thousands separator, then read the decimal mark as a point. */
const readSql = (i: 0 | 1): string =>
  i === 0 ? `try_cast(replace(v, ',', '') AS DOUBLE)` : `try_cast(replace(replace(v, '.', ''), ',', '.') AS DOUBLE)`;

/**
 * A column's number format from ALL its distinct values, when no number_format is given and
 * some values are not plain numbers: the reading (1,234.56 or 1.234,56) that reads the most
 * values wins, as for dates. When both read equally many but disagree ("1,250": 1250 or 1.25),
 * refuse: a silently wrong guess is worse than asking. Undefined when nothing needs reading.
 */
export async function detectNumberFormat(conn: DuckDBConnection, table: string, column: string, label: string, file: string): Promise<NumberFormat | undefined> {
  if (await plainSample(conn, table, column)) return undefined;
  const values = `(SELECT DISTINCT trim(${column}) AS v FROM ${table} WHERE nullif(trim(${column}), '') IS NOT NULL)`;
  const r = await conn.runAndReadAll(
    `SELECT count(*) FILTER (WHERE try_cast(v AS DOUBLE) IS NULL),
       ${READINGS.map((x) => `count(*) FILTER (WHERE regexp_full_match(v, '${x.re}'))`).join(', ')},
       ${READINGS.map((x) => `count(*) FILTER (WHERE regexp_full_match(v, '${x.re}') AND try_cast(v AS DOUBLE) IS NULL)`).join(', ')},
       min(v) FILTER (WHERE ${READINGS.map((x) => `regexp_full_match(v, '${x.re}')`).join(' AND ')} AND ${readSql(0)} <> ${readSql(1)})
     FROM ${values}`,
  );
  const [notPlain, a, b, gainA, gainB, clash] = r.getRows()[0]!;
  // plain numbers only, or values neither reading reads: as today (the latter stay unparseable)
  if (Number(notPlain) === 0 || (Number(gainA) === 0 && Number(gainB) === 0)) return undefined;
  if (Number(a) === Number(b) && clash !== null) {
    const v = String(clash);
    const [x, y] = READINGS;
    throw inputError(
      `${file}: the values of column ${label} fit two number formats, and they disagree: "${v}" reads as ` +
        `${Number(v.replaceAll(',', ''))} with thousands "," (${x.example}) or as ${Number(v.replaceAll('.', '').replace(',', '.'))} with decimal "," (${y.example}).\n` +
        `  Choose one: set "number_format" in the mapping, e.g. "number_format": {"thousands": ","} or {"decimal": ",", "thousands": "."}`,
    );
  }
  const pick = Number(b) > Number(a) || (Number(b) === Number(a) && Number(gainB) > Number(gainA)) ? 1 : 0;
  if (Number(pick ? gainB : gainA) === 0) return undefined; // the winner adds nothing to plain reading
  return { ...READINGS[pick].nf };
}

/**
 * True when the first SAMPLE non-empty values are all plain numbers: the usual export, which then
 * costs no pass over the whole file (the staging view re-reads it for every query). A column whose
 * separators only start later keeps today's behaviour: those rows are quarantined as unparseable.
 */
async function plainSample(conn: DuckDBConnection, table: string, column: string): Promise<boolean> {
  const r = await conn.runAndReadAll(
    `SELECT count(*) FILTER (WHERE try_cast(v AS DOUBLE) IS NULL) FROM
       (SELECT trim(${column}) AS v FROM ${table} WHERE nullif(trim(${column}), '') IS NOT NULL LIMIT ${SAMPLE})`,
  );
  return Number(r.getRows()[0]![0]) === 0;
}

/** Values looked at before deciding a column may need a thousands separator read. */
const SAMPLE = 2000;

/** How a detected format is described in the load summary. */
export const describeNumberFormat = (nf: NumberFormat): string => `thousands "${nf.thousands}", decimal "${nf.decimal}"`;
