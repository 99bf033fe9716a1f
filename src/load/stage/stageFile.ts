import type { DuckDBConnection } from '@duckdb/node-api';
import { rmSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import type { FileFormat, Mapping } from '../mapping.js';
import { decoderFor, transcodeToUtf8 } from '../encoding.js';
import { detectDelimiter, headLines, looksWhitespaceAligned } from '../detectDelimiter.js';
import { isDialectError, stageCsv } from './stageCsv.js';
import { normalizeNewlines } from './normalizeNewlines.js';
import { stageNdjson, stageWhitespace } from './stageLines.js';
import { stageJsonArray, stageParquet } from './stageTyped.js';
import type { Staged } from './types.js';

/** The format of a file: the mapping's, else from its extension, else delimited text. */
export function formatOf(path: string, m: Mapping): FileFormat {
  if (m.format) return m.format;
  switch (extname(path).toLowerCase()) {
    case '.parquet':
      return 'parquet';
    case '.json':
      return 'json';
    case '.ndjson':
    case '.jsonl':
      return 'ndjson';
    default:
      return 'csv';
  }
}

/**
 * Read any supported file into the staging relation `t` (source_line + text columns). Text in a legacy encoding is first copied to UTF-8, so
 * DuckDB's readers (and their line-level error reports) handle every text file the same way.
 */
export async function stageFile(conn: DuckDBConnection, t: string, path: string, m: Mapping, opts: { numbered?: boolean } = {}): Promise<Staged> {
  const format = formatOf(path, m);
  const decode = format === 'parquet' ? null : decoderFor(m.encoding);
  const source = decode ? await transcodeToUtf8(path, decode) : path;
  try {
    const as = textFormat(format, source, m);
    const staged = await stageAs(conn, t, as, source, m, source !== path || opts.numbered === true).catch((err: unknown) => {
      if (as !== 'csv' || !isDialectError(err)) throw err;
      return stageNormalized(conn, t, source, path, m);
    });
    staged.detected['encoding'] = m.encoding ?? 'utf-8';
    return staged;
  } finally {
    if (source !== path) rmSync(dirname(source), { recursive: true, force: true });
  }
}

/**
 * Delimited text DuckDB's reader breaks on even with the dialect given: mixed line endings (a
 * file concatenated from several systems). Staged from a copy with every line break as LF, which
 * keeps the line numbers; the copy is removed after staging.
 */
export async function stageNormalized(conn: DuckDBConnection, t: string, source: string, shown: string, m: Mapping): Promise<Staged> {
  const copy = await normalizeNewlines(source);
  try {
    const staged = await stageCsv(conn, t, copy, { ...(m.delimiter ? { delimiter: m.delimiter } : {}), header: m.header ?? true, copy: true, shownAs: shown });
    staged.detected['line_endings'] = 'mixed (read as LF)';
    return staged;
  } finally {
    rmSync(dirname(copy), { recursive: true, force: true });
  }
}

/** Delimited text with no delimiter at all but aligned columns is whitespace-separated. */
function textFormat(format: FileFormat, path: string, m: Mapping): FileFormat {
  if (format !== 'csv' || m.format || m.delimiter) return format;
  const lines = headLines(path);
  return detectDelimiter(lines) === null && looksWhitespaceAligned(lines) ? 'whitespace' : format;
}

function stageAs(conn: DuckDBConnection, t: string, format: FileFormat, path: string, m: Mapping, copy: boolean): Promise<Staged> {
  const header = m.header ?? true;
  switch (format) {
    case 'csv':
      return stageCsv(conn, t, path, { ...(m.delimiter ? { delimiter: m.delimiter } : {}), header, copy });
    case 'whitespace':
      return stageWhitespace(conn, t, path, header);
    case 'parquet':
      return stageParquet(conn, t, path);
    case 'json':
      return stageJsonArray(conn, t, path);
    case 'ndjson':
      return stageNdjson(conn, t, path);
    default:
      throw new Error(`unknown format ${String(format satisfies never)}`);
  }
}
