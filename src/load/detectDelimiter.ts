import { closeSync, openSync, readSync } from 'node:fs';

const CANDIDATES = [',', ';', '\t', '|'] as const;

/** Fields in one line for a delimiter, honouring double-quoted fields. */
export function countFields(line: string, delim: string): number {
  let n = 1;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delim && !quoted) n++;
  }
  return n;
}

/**
 * The delimiter of a text file's first lines: the candidate that splits the header into the most
 * fields while the most lines agree with that count. Ragged rows (which throw DuckDB's own sniffer
 * off) only lower a candidate's agreement.
 *
 * @example detectDelimiter(['a;b;c', '1;2,5;3']) // ';'
 */
export function detectDelimiter(lines: string[]): string | null {
  const sample = lines.filter((l) => l.trim() !== '').slice(0, 200);
  if (sample.length === 0) return null;
  let best: { delim: string; score: number } | null = null;
  for (const delim of CANDIDATES) {
    const width = countFields(sample[0]!, delim);
    if (width < 2) continue;
    const agree = sample.filter((l) => countFields(l, delim) === width).length / sample.length;
    const score = agree * 1000 + width;
    if (!best || score > best.score) best = { delim, score };
  }
  return best?.delim ?? null;
}

/** The first lines of a file (UTF-8), read from its first 64 KiB. */
export function headLines(path: string): string[] {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(1 << 16);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const lines = buf.subarray(0, n).toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
    return n === buf.length ? lines.slice(0, -1) : lines; // the last line may be cut off
  } finally {
    closeSync(fd);
  }
}

/**
 * True when the lines look like whitespace-aligned columns (no delimiter, but every line splits
 * on runs of spaces into the same number of fields), like the CDNOW text files.
 */
export function looksWhitespaceAligned(lines: string[]): boolean {
  const sample = lines.filter((l) => l.trim() !== '').slice(0, 200);
  if (sample.length === 0) return false;
  const widths = new Set(sample.map((l) => l.trim().split(/\s+/).length));
  return widths.size === 1 && [...widths][0]! > 1;
}
