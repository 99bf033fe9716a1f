import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../../fixtures/cdnow/${name}`, import.meta.url));

/** Per-customer columns of a CDNOW summary (weeks). */
export interface CdnowSummary {
  id: string[];
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  mbar: Float64Array;
}

/**
 * The published summary CSV (ID, x, t_x, T in weeks, zbar), as `lifetimes` ships it: times and
 * spend rounded to 2 decimals.
 */
export function readSummaryCsv(): CdnowSummary {
  const lines = readFileSync(fixture('cdnow_customers_summary_with_transactions.csv'), 'utf8').trim().split('\n');
  const rows = lines.slice(1).map((l) => l.split(','));
  const col = (k: number): Float64Array => Float64Array.from(rows, (r) => Number(r[k]));
  return { id: rows.map((r) => r[0]!), x: col(1), tx: col(2), T: col(3), mbar: col(4) };
}

const dayNumber = (yyyymmdd: string): number =>
  Date.UTC(+yyyymmdd.slice(0, 4), +yyyymmdd.slice(4, 6) - 1, +yyyymmdd.slice(6, 8)) / 86_400_000;

/**
 * The same summary computed exactly from the 1/10 sample's transactions (MODELS.md's recipe:
 * distinct purchase days, calibration end 1997-09-30 inclusive, weeks = days / 7, m̄ = mean day
 * spend over days 2..n). CLVTools, BTYD and the BG/NBD and Gamma-Gamma reference numbers use this
 * unrounded version.
 */
export function summaryFromTransactions(end = '19970930'): CdnowSummary {
  const last = dayNumber(end);
  const byCustomer = new Map<string, Map<number, number>>();
  for (const line of readFileSync(fixture('CDNOW_sample.txt'), 'utf8').trim().split('\n')) {
    const [, id, date, , amount] = line.trim().split(/\s+/);
    const day = dayNumber(date!);
    if (day > last) continue;
    const days = byCustomer.get(id!) ?? new Map<number, number>();
    days.set(day, (days.get(day) ?? 0) + Number(amount));
    byCustomer.set(id!, days);
  }
  const ids = [...byCustomer.keys()].sort();
  const n = ids.length;
  const out: CdnowSummary = { id: ids, x: new Float64Array(n), tx: new Float64Array(n), T: new Float64Array(n), mbar: new Float64Array(n) };
  ids.forEach((id, i) => {
    const days = byCustomer.get(id)!;
    const sorted = [...days.keys()].sort((a, b) => a - b);
    const repeat = sorted.slice(1).map((d) => days.get(d)!);
    out.x[i] = repeat.length;
    out.tx[i] = (sorted.at(-1)! - sorted[0]!) / 7;
    out.T[i] = (last - sorted[0]!) / 7;
    out.mbar[i] = repeat.length > 0 ? repeat.reduce((s, v) => s + v, 0) / repeat.length : 0;
  });
  return out;
}

/** Relative error |got − want| / |want|. */
export const relErr = (got: number, want: number): number => Math.abs(got - want) / Math.abs(want);
