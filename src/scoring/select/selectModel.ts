import { compressSummary } from '../../models/compress.js';
import { fitChurnModel } from '../../models/fitChurn.js';
import type { ChurnKind, ChurnModel } from '../../models/types.js';
import { groupHoldout, holdoutEvidence, holdoutScores, type HoldoutEvidence, type HoldoutScores, type HoldoutSplit } from './holdoutScores.js';

/** One candidate's fit on the calibration histories and its holdout scores (null when the fit failed). */
export interface CandidateScore {
  model: ChurnKind;
  /** The fitted model; kind 'nbd' when the candidate found no measurable dropout. */
  params: ChurnModel | null;
  logLikelihood: number | null;
  converged: boolean;
  message: string;
  scores: HoldoutScores | null;
}

/** The outcome of model selection for one run. */
export interface Selection {
  /** The model chosen; null when no candidate could be fitted. */
  chosen: ChurnKind | null;
  /** Candidates ordered best first by the rule (failed fits last). */
  ranking: ChurnKind[];
  /** Why, in a sentence with the numbers. */
  reason: string;
  holdoutDays: number;
  customers: number;
  holdoutBuyers: number;
  candidates: CandidateScore[];
  /** The chosen model's evidence on the holdout (calibration fit vs what happened). */
  evidence: HoldoutEvidence | null;
}

/**
 * Holdout log-likelihood per customer within which two candidates count as equally good: 0.001
 * nats per customer is 1 in total for CDNOW's 2,357-customer sample and 1,000 at a million, so a
 * lead smaller than that is noise compared with what the holdout can tell apart.
 */
export const TIE_PER_CUSTOMER = 1e-3;

/**
 * The candidates in their tie-break order: MBG/NBD and Pareto/NBD first, whose one-time buyers
 * can be seen to have left, then the BG/NBD (P(alive) = 1 for every one-time buyer).
 */
export const SELECTION_ORDER: readonly ChurnKind[] = ['mbgnbd', 'pnbd', 'bgnbd'];

const NAME: Record<ChurnKind, string> = { bgnbd: 'BG/NBD', mbgnbd: 'MBG/NBD', pnbd: 'Pareto/NBD' };

/**
 * Fit every candidate on the calibration histories, score each on the holdout and choose
 * (README "Model selection"). Rule: the highest holdout log-likelihood per customer wins — it
 * scores who buys, how often and when, all at once, and cannot be gamed. Candidates within
 * TIE_PER_CUSTOMER of the best are tied; among tied ones the lower calibration error of
 * P(no purchase) wins (churn bands are thresholds on that probability), and a remaining tie keeps
 * the candidates' order (MBG/NBD, Pareto/NBD, BG/NBD: one-time buyers' P(alive) below 1 first).
 *
 * @example const s = selectModel(split); s.chosen // 'pnbd'
 */
export function selectModel(split: HoldoutSplit, kinds: readonly ChurnKind[] = SELECTION_ORDER): Selection {
  const rows = compressSummary(split.cal.x, split.cal.tx, split.cal.T);
  const grouped = groupHoldout(split);
  const candidates = kinds.map((model): CandidateScore => {
    try {
      const fit = fitChurnModel(model, rows, { daysPerUnit: split.daysPerUnit });
      const scores = holdoutScores(fit.params, split, grouped);
      if (!Number.isFinite(scores.holdoutLogLikelihood)) throw new Error('the holdout log-likelihood is not finite');
      return { model, params: fit.params, logLikelihood: fit.logLikelihood, converged: fit.converged, message: fit.message, scores };
    } catch (err) {
      return { model, params: null, logLikelihood: null, converged: false, message: `fit failed: ${(err as Error).message}`, scores: null };
    }
  });
  const customers = split.cal.x.length;
  const holdoutBuyers = split.cal.x.reduce((s, x, i) => s + (split.full.x[i]! > x ? 1 : 0), 0);
  const holdoutDays = split.daily.length;
  const ranking = rank(candidates);
  const chosen = ranking.length > 0 && candidates.find((c) => c.model === ranking[0])!.scores ? ranking[0]! : null;
  const best = candidates.find((c) => c.model === chosen);
  return {
    chosen,
    ranking,
    reason: chosen === null ? `no candidate could be fitted on the calibration data (${candidates.map((c) => `${NAME[c.model]}: ${c.message}`).join('; ')})` : reason(candidates, ranking, holdoutDays),
    holdoutDays,
    customers,
    holdoutBuyers,
    candidates,
    evidence: best?.params ? holdoutEvidence(best.params, split) : null,
  };
}

/**
 * Best first by the rule: the tied group (within TIE_PER_CUSTOMER of the best holdout
 * log-likelihood) by calibration error, then the candidates' order; the rest by likelihood;
 * failed candidates last in their given order.
 */
function rank(candidates: CandidateScore[]): ChurnKind[] {
  const ok = candidates.filter((c) => c.scores !== null);
  const ll = (c: CandidateScore): number => c.scores!.holdoutLogLikelihood;
  const top = Math.max(...ok.map(ll));
  const tied = ok.filter((c) => top - ll(c) <= TIE_PER_CUSTOMER);
  const ce = (c: CandidateScore): number => c.scores!.calibrationError ?? Number.POSITIVE_INFINITY;
  // Array.prototype.sort is stable, so equal calibration errors keep the candidates' order
  tied.sort((a, b) => ce(a) - ce(b));
  const rest = ok.filter((c) => !tied.includes(c)).sort((a, b) => ll(b) - ll(a));
  return [...tied, ...rest, ...candidates.filter((c) => c.scores === null)].map((c) => c.model);
}

function reason(candidates: CandidateScore[], ranking: ChurnKind[], days: number): string {
  const by = new Map(candidates.map((c) => [c.model, c]));
  const w = by.get(ranking[0]!)!;
  const ws = w.scores!;
  const fmt = (c: CandidateScore): string =>
    `${NAME[c.model]} ${c.scores!.holdoutLogLikelihood.toFixed(4)} (calibration error ${c.scores!.calibrationError?.toFixed(3) ?? '–'})`;
  const others = ranking.slice(1).map((k) => by.get(k)!).filter((c) => c.scores);
  const tied = others.filter((c) => Math.abs(c.scores!.holdoutLogLikelihood - ws.holdoutLogLikelihood) <= TIE_PER_CUSTOMER);
  const why = tied.length > 0
    ? `ties on the holdout log-likelihood with ${tied.map((c) => NAME[c.model]).join(' and ')} (within ${TIE_PER_CUSTOMER} per customer) and has the lowest calibration error of P(no purchase)`
    : `has the highest holdout log-likelihood per customer`;
  const nbd = w.params?.kind === 'nbd' ? ' (it found no measurable dropout, so its no-dropout limit is used)' : '';
  return `${NAME[w.model]}${nbd} ${why} over the last ${days} days held out: ${[w, ...others].map(fmt).join(', ')}`;
}
