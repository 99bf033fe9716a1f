/**
 * SQL expressions that format one CSV cell exactly as csvCell (csv.ts) does, so DuckDB can write
 * large CSV files itself (COPY) with the same bytes the JS writer would produce. Every expression
 * yields a non-NULL VARCHAR ('' for NULL), ready to be joined with commas.
 */

/** Text a spreadsheet would run as a formula starts with one of = + - @ tab CR (csv.ts); RE2 syntax. */
const FORMULA_START = String.raw`^[=+\-@\t\r]`;
/** Text that must be quoted holds a quote, comma, CR or LF. */
const NEEDS_QUOTES = String.raw`[",\r\n]`;

/**
 * A text cell: NULL → empty; text starting like a formula gets a leading apostrophe; text with a
 * quote, comma, CR or LF is quoted with inner quotes doubled (RFC 4180). `col` should be a column
 * name: it is repeated, and a small expression keeps DuckDB's planning cheap (regexes only, no IN
 * lists: a dozen cells built from IN lists took longer to plan than a 1,000-row list to write).
 *
 * @example csvTextSql('customer_id')
 */
export function csvTextSql(col: string): string {
  // The apostrophe never needs quoting itself, so whether to quote is decided on the text as is.
  const prefix = `(CASE WHEN regexp_matches(${col}, '${FORMULA_START}') THEN '''' ELSE '' END)`;
  return `(CASE WHEN ${col} IS NULL THEN ''
    WHEN NOT regexp_matches(${col}, '${FORMULA_START}|${NEEDS_QUOTES}') THEN ${col}
    WHEN regexp_matches(${col}, '${NEEDS_QUOTES}') THEN '"' || ${prefix} || replace(${col}, '"', '""') || '"'
    ELSE ${prefix} || ${col} END)`;
}

/**
 * A number cell as JavaScript's String(n) prints it (what csvCell writes): NULL, NaN and ±Infinity
 * → empty; −0 → "0". DuckDB's VARCHAR cast gives the same shortest round-trip digits but another
 * layout, so it is adjusted: no ".0" on whole numbers, fixed notation from 1e-6 up to 1e21, and
 * exponents without zero padding outside that range ("1e-7", "1.5e+21"). Like csvTextSql, meant
 * for a column name (it is repeated).
 *
 * @example csvNumberSql('clv_12m')
 */
export function csvNumberSql(col: string): string {
  const v = `${col}::DOUBLE`;
  const s = `${v}::VARCHAR`;
  const sign = `(CASE WHEN ${v} < 0 THEN '-' ELSE '' END)`;
  const mantissa = `ltrim(split_part(${s}, 'e', 1), '-')`;
  const exponent = `split_part(${s}, 'e', 2)::INTEGER`;
  const digits = `replace(${mantissa}, '.', '')`;
  const fraction = `length(split_part(${mantissa}, '.', 2))`;
  return `(CASE WHEN ${v} IS NULL OR NOT isfinite(${v}) THEN ''
    WHEN ${v} = 0 THEN '0'
    WHEN NOT contains(${s}, 'e') THEN regexp_replace(${s}, '\\.0$', '')
    WHEN abs(${v}) >= 1e21 OR abs(${v}) < 1e-6 THEN regexp_replace(${s}, 'e([+-])0*', 'e\\1')
    WHEN abs(${v}) >= 1 THEN ${sign} || ${digits} || repeat('0', ${exponent} - ${fraction})
    ELSE ${sign} || '0.' || repeat('0', -${exponent} - 1) || ${digits} END)`;
}
