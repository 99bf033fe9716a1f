import { MIN_CUSTOMERS, MIN_HISTORY_DAYS, MIN_REPEAT_BUYERS } from '../../models/adequacy.js';
import type { ReportData } from '../types.js';

/** One reason to read the model numbers as rough, with the numbers the note states. */
export type TrustIssue =
  | { kind: 'fewCustomers'; customers: number; min: number }
  | { kind: 'shortHistory'; days: number; min: number }
  | { kind: 'fewRepeat'; repeatBuyers: number; min: number }
  | { kind: 'noModel' }
  | { kind: 'noDropout' }
  | { kind: 'notConverged' }
  | { kind: 'spendFallback' }
  | { kind: 'horizonFallback'; days: number };

const dayNumber = (iso: string): number => Date.parse(iso.slice(0, 10) + 'T00:00:00Z') / 86_400_000;

/**
 * Why this run's churn risk and CLV should be read as rough, in the order a reader should hear it:
 * thin data first (few customers, a short history, few repeat buyers: the models' adequacy
 * limits), then fits that fell back (no model, the no-dropout limit, no convergence, no spend
 * model, no purchase cycle for the horizon). Empty when the numbers stand on enough data; also
 * empty for runs without models (the churn and CLV sections say so themselves).
 *
 * @example trustIssues(data) // [{ kind: 'fewCustomers', customers: 42, min: 300 }, { kind: 'noDropout' }]
 */
export function trustIssues(data: ReportData): TrustIssue[] {
  const models = data.models;
  if (models === null || models.fits.length === 0) return [];
  const out: TrustIssue[] = [];
  const customers = data.window.customers;
  if (customers < MIN_CUSTOMERS) out.push({ kind: 'fewCustomers', customers, min: MIN_CUSTOMERS });
  const days = dayNumber(data.run.asOf) - dayNumber(data.window.firstOrderDate);
  if (Number.isFinite(days) && days < MIN_HISTORY_DAYS) out.push({ kind: 'shortHistory', days, min: MIN_HISTORY_DAYS });
  if (models.repeatBuyers < MIN_REPEAT_BUYERS) out.push({ kind: 'fewRepeat', repeatBuyers: models.repeatBuyers, min: MIN_REPEAT_BUYERS });
  const scoring = models.fits.find((f) => f.usedForScoring && f.model !== 'gammagamma');
  if (!scoring) out.push({ kind: 'noModel' });
  else {
    if (scoring.boundary) out.push({ kind: 'noDropout' });
    if (!scoring.converged) out.push({ kind: 'notConverged' });
    const spend = models.fits.find((f) => f.model === 'gammagamma');
    if (!spend || spend.params === null) out.push({ kind: 'spendFallback' });
  }
  const h = models.assumptions?.horizon;
  if (h?.fallback) out.push({ kind: 'horizonFallback', days: h.days });
  return out;
}
