import type { SummaryRows } from './types.js';

/** Fewer customers than this and the four-parameter fits are mostly noise. */
export const MIN_CUSTOMERS = 300;
/** Without enough repeat buyers nothing about purchase rates or dropout can be learned. */
export const MIN_REPEAT_BUYERS = 50;
/** A shorter history cannot separate "slow buyer" from "gone". */
export const MIN_HISTORY_DAYS = 180;

/**
 * Reasons the data are too thin for BG/NBD-family and Gamma-Gamma fits; empty when adequate. The
 * history check needs `daysPerUnit` (1 for days, 7 for weeks) and is skipped without it.
 * The documented fallback when this is not empty: fitChurnModel still fits (the dropout test then
 * usually settles on the no-dropout NBD) and returns these reasons as `warnings`; callers show them
 * next to the scores and let rankings lean on RFM rather than on the model's absolute numbers.
 *
 * @example checkAdequacy(compressSummary(x, tx, T), 7) // [] for CDNOW (weeks)
 */
export function checkAdequacy(rows: SummaryRows, daysPerUnit?: number): string[] {
  let customers = 0, repeat = 0, history = 0;
  for (let i = 0; i < rows.x.length; i++) {
    customers += rows.weight[i]!;
    if (rows.x[i]! > 0) repeat += rows.weight[i]!;
    history = Math.max(history, rows.T[i]! * (daysPerUnit ?? 0));
  }
  const problems: string[] = [];
  if (customers < MIN_CUSTOMERS) problems.push(`only ${customers} customers (need at least ${MIN_CUSTOMERS} for a reliable fit)`);
  if (repeat < MIN_REPEAT_BUYERS) problems.push(`only ${repeat} repeat buyers (need at least ${MIN_REPEAT_BUYERS})`);
  if (daysPerUnit !== undefined && history < MIN_HISTORY_DAYS) problems.push(`only ${Math.round(history)} days of history (need at least ${MIN_HISTORY_DAYS})`);
  return problems;
}
