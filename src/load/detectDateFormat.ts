import type { DuckDBConnection } from '@duckdb/node-api';
import { inputError } from '../util/error.js';
import { literal } from '../util/sql.js';
import { DATE_FORMATS } from './dateFormats.js';
import { UTC } from '../timezone/parseTimeZone.js';
import { utcOfInstantSql, utcOfWallSql } from '../timezone/zoneSql.js';

/** Text of a date value as parsed: a trailing Z (UTC) is written as an offset strptime's %z reads. */
export const dateTextSql = (expr: string): string =>
  `CASE WHEN suffix(${expr}, 'Z') THEN regexp_replace(${expr}, '([0-9])Z$', '\\1+00:00') ELSE ${expr} END`;

/**
 * Parse date text with a format into the UTC TIMESTAMP stored: a value with an offset (%z) is
 * that instant in UTC; a naive one is a wall-clock time in `zone` (default UTC: as written).
 * Neither depends on the session's TimeZone.
 */
export const parseDateSql = (textExpr: string, format: string, zone = UTC): string =>
  format.includes('%z')
    ? utcOfInstantSql(`try_strptime(${textExpr}, ${literal(format)})`)
    : utcOfWallSql(`try_strptime(${textExpr}, ${literal(format)})`, zone);

/**
 * Choose the date format of a column from ALL its distinct values: the format that reads the
 * most values. When several read the most values but disagree on some (03/01/19 as D/M/Y or
 * M/D/Y), refuse: a silently wrong guess is worse than asking.
 */
export async function detectDateFormat(conn: DuckDBConnection, table: string, column: string, file: string): Promise<string> {
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE date_values AS SELECT DISTINCT ${dateTextSql(`trim(${column})`)} AS v FROM ${table} WHERE nullif(trim(${column}), '') IS NOT NULL`,
  );
  // Try every format on a sample first; only those reading the most sampled values go on to be
  // checked against all values. A format that reads every value reads every sampled one, so no
  // full fit (nor a rival that makes the dates ambiguous) is lost, and 60 candidates × a million
  // distinct timestamps is avoided.
  await conn.run(`CREATE OR REPLACE TEMP TABLE date_sample AS SELECT v FROM date_values ORDER BY hash(v), v LIMIT ${SAMPLE}`);
  const sampled = await parseCounts(conn, DATE_FORMATS, 'date_sample');
  const candidates = DATE_FORMATS.filter((_, i) => sampled[i] === Math.max(...sampled));
  const counts = await parseCounts(conn, candidates, 'date_values');
  const best = Math.max(0, ...counts);
  if (best === 0) {
    throw inputError(`${file}: no known date format reads the order dates (e.g. "${await sampleValue(conn)}"); set "date_format" in the mapping, e.g. "%d/%m/%Y %H:%M"`);
  }
  const top = candidates.filter((_, i) => counts[i] === best);
  const conflicts = await conflicting(conn, top);
  if (conflicts.length > 1) throw ambiguity(file, conflicts, await example(conn, conflicts));
  return top[0]!;
}

/** DuckDB's %Y also takes 1–3 digit years, so "03/01/19" fits %Y/%m/%d as year 3: not a reading. */
export const PLAUSIBLE_YEARS = [1900, 2200] as const;
const plausible = (f: string): string => `year(${parseDateSql('v', f)}) BETWEEN ${PLAUSIBLE_YEARS[0]} AND ${PLAUSIBLE_YEARS[1]}`;

/** Distinct date values every candidate format is tried on. */
const SAMPLE = 2000;

async function parseCounts(conn: DuckDBConnection, formats: readonly string[], table: string): Promise<number[]> {
  const r = await conn.runAndReadAll(
    `SELECT ${formats.map((f, i) => `count(*) FILTER (WHERE ${plausible(f)}) AS c${i}`).join(', ')} FROM ${table}`,
  );
  return r.getRows()[0]!.map(Number);
}

/** The formats that disagree with the first on at least one value (the first included). */
async function conflicting(conn: DuckDBConnection, formats: string[]): Promise<string[]> {
  if (formats.length < 2) return formats;
  const [first, ...rest] = formats;
  const r = await conn.runAndReadAll(
    `SELECT ${rest.map((f, i) => `count(*) FILTER (WHERE ${parseDateSql('v', first!)} IS DISTINCT FROM ${parseDateSql('v', f)}) AS d${i}`).join(', ')} FROM date_values`,
  );
  const differs = r.getRows()[0]!.map(Number);
  return [first!, ...rest.filter((_, i) => differs[i]! > 0)];
}

async function example(conn: DuckDBConnection, formats: string[]): Promise<{ value: string; readings: string[] }> {
  const [a, b] = formats;
  const r = await conn.runAndReadAll(
    `SELECT v, ${formats.map((f) => `strftime(${parseDateSql('v', f)}, '%Y-%m-%d')`).join(', ')} FROM date_values
     WHERE ${parseDateSql('v', a!)} IS DISTINCT FROM ${parseDateSql('v', b!)} ORDER BY v LIMIT 1`,
  );
  const [value, ...readings] = r.getRows()[0]!.map(String);
  return { value: value!, readings };
}

function ambiguity(file: string, formats: string[], ex: { value: string; readings: string[] }) {
  const list = formats.map((f, i) => `  "${f}" reads ${ex.value} as ${ex.readings[i]}`).join('\n');
  return inputError(
    `${file}: the order dates fit more than one date format, and they disagree:\n${list}\n` +
      `  Choose one: set "date_format" in the mapping, e.g. "date_format": "${formats[0]}"`,
  );
}

async function sampleValue(conn: DuckDBConnection): Promise<string> {
  const r = await conn.runAndReadAll('SELECT v FROM date_values ORDER BY v LIMIT 1');
  return String(r.getRows()[0]?.[0] ?? '');
}
