import { fitChurnModel } from '../../models/fitChurn.js';
import type { ChurnKind, ChurnModel } from '../../models/types.js';
import { groupHoldout, holdoutEvidence, holdoutPurchases, holdoutScores, predict, type Prediction, type HoldoutEvidence, type HoldoutScores, type HoldoutSplit } from './holdoutScores.js';

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
  /** Customers compared (those who had bought before the holdout; a sample of every k-th at scale). */
  customers: number;
  holdoutBuyers: number;
  candidates: CandidateScore[];
  /** The chosen model's evidence on the holdout (calibration fit vs what happened). */
  evidence: HoldoutEvidence | null;
}

/**
 * Candidates whose calibration error of P(no purchase) exceeds the best-calibrated one's by more
 * than this are not eligible: the churn bands are thresholds on that probability, and 5 points
 * off moves customers across them.
 */
export const CALIBRATION_SLACK = 0.05;

/**
 * Mean holdout AUC within which candidates are tied (the holdout log-likelihood then decides):
 * smaller gaps are within what resampling the same customers moves.
 */
export const AUC_TIE = 1e-3;

/**
 * The candidates in their tie-break order: MBG/NBD and Pareto/NBD first, whose one-time buyers
 * can be seen to have left, then the BG/NBD (P(alive) = 1 for every one-time buyer).
 */
export const SELECTION_ORDER: readonly ChurnKind[] = ['mbgnbd', 'pnbd', 'bgnbd'];

const NAME: Record<ChurnKind, string> = { bgnbd: 'BG/NBD', mbgnbd: 'MBG/NBD', pnbd: 'Pareto/NBD' };

/**
 * Fit every candidate on the calibration histories, score each on the holdout and choose
 * (README "Model selection"). Rule, in order:
 * 1. eligible: calibration error of P(no purchase) within CALIBRATION_SLACK of the best one's
 *    (the churn bands are thresholds on that probability);
 * 2. best ranking: the highest mean of AUC(expected purchases) and AUC(churn risk) on the holdout
 *    — what the product does with the scores is rank customers (bands, action lists);
 * 3. within AUC_TIE of that, the highest holdout log-likelihood per customer (a proper score of
 *    how many purchases and when), then the candidates' order (MBG/NBD, Pareto/NBD, BG/NBD).
 *
 * @example const s = selectModel(split); s.chosen // 'pnbd'
 */
export function selectModel(split: HoldoutSplit, kinds: readonly ChurnKind[] = SELECTION_ORDER): Selection {
  const purchases = holdoutPurchases(split);
  const grouped = groupHoldout(split.cal, purchases, split.full);
  const rows = grouped.rows;
  const predictions = new Map<ChurnKind, Prediction>();
  const candidates = kinds.map((model): CandidateScore => {
    try {
      const fit = fitChurnModel(model, rows, { daysPerUnit: split.daysPerUnit });
      const predicted = predict(fit.params, grouped, split.horizon);
      predictions.set(model, predicted);
      const scores = holdoutScores(fit.params, split, grouped, fit.logLikelihood, predicted);
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
    evidence: best?.params ? holdoutEvidence(best.params, split.cal, purchases, split, grouped, predictions.get(best.model)) : null,
  };
}

/** Mean of the two holdout AUCs (NaN when either is undefined, e.g. nobody bought). */
const meanAuc = (c: CandidateScore): number => ((c.scores!.aucExpectedOrders ?? Number.NaN) + (c.scores!.aucChurnRisk ?? Number.NaN)) / 2;
const ll = (c: CandidateScore): number => c.scores!.holdoutLogLikelihood;
const ce = (c: CandidateScore): number => c.scores!.calibrationError ?? Number.POSITIVE_INFINITY;

/** Best first by the rule; ineligible candidates after the eligible ones (by the same rule), failed fits last. */
function rank(candidates: CandidateScore[]): ChurnKind[] {
  const ok = candidates.filter((c) => c.scores !== null);
  const bestCe = Math.min(...ok.map(ce));
  const eligible = ok.filter((c) => ce(c) <= bestCe + CALIBRATION_SLACK);
  const order = (group: CandidateScore[]): CandidateScore[] => {
    const out: CandidateScore[] = [];
    let left = [...group];
    while (left.length > 0) {
      // NaN AUCs (no buyers) fall back to the log-likelihood alone
      const top = Math.max(...left.map((c) => (Number.isNaN(meanAuc(c)) ? -Infinity : meanAuc(c))));
      const tied = left.filter((c) => !(top - meanAuc(c) > AUC_TIE) || top === -Infinity);
      const pick = tied.reduce((a, b) => (ll(b) > ll(a) ? b : a)); // first wins equal likelihoods: the candidates' order
      out.push(pick);
      left = left.filter((c) => c !== pick);
    }
    return out;
  };
  return [...order(eligible), ...order(ok.filter((c) => !eligible.includes(c))), ...candidates.filter((c) => c.scores === null)].map((c) => c.model);
}

function reason(candidates: CandidateScore[], ranking: ChurnKind[], days: number): string {
  const by = new Map(candidates.map((c) => [c.model, c]));
  const w = by.get(ranking[0]!)!;
  const fmt = (c: CandidateScore): string =>
    `${NAME[c.model]}: mean AUC ${meanAuc(c).toFixed(4)}, log-likelihood ${ll(c).toFixed(4)}, calibration error ${c.scores!.calibrationError?.toFixed(3) ?? '–'}`;
  const rest = ranking.slice(1).map((k) => by.get(k)!).filter((c) => c.scores);
  const runnerUp = rest[0];
  const bestCe = Math.min(...[w, ...rest].map(ce));
  const excluded = rest.filter((c) => ce(c) > bestCe + CALIBRATION_SLACK);
  const tied = runnerUp && !excluded.includes(runnerUp) && Math.abs(meanAuc(w) - meanAuc(runnerUp)) <= AUC_TIE;
  const why = tied
    ? `ranks customers as well as the ${NAME[runnerUp.model]} on the holdout (mean AUC within ${AUC_TIE}) and gives the holdout purchases a higher log-likelihood`
    : `ranks customers best on the holdout (highest mean of the AUCs of expected purchases and of churn risk)`;
  const out = excluded.length > 0 ? `; not eligible: ${excluded.map((c) => NAME[c.model]).join(', ')} (calibration error of P(no purchase) more than ${CALIBRATION_SLACK} above the best)` : '';
  const nbd = w.params?.kind === 'nbd' ? ' (it found no measurable dropout, so its no-dropout limit is used)' : '';
  return `${NAME[w.model]}${nbd} ${why}, on the last ${days} days held out${out} — ${[w, ...rest].map(fmt).join('; ')}`;
}
