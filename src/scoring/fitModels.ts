import { compressSpend, compressSummary, type CompressedSummary } from '../models/compress.js';
import type { ModelsConfig } from '../models/config.js';
import { fitChurnModel, type ChurnFit } from '../models/fitChurn.js';
import { fitGammaGamma, type SpendFit } from '../models/fitSpend.js';
import { type BgParams, type ChurnKind, type ChurnModel, type GammaGammaParams, type ParetoParams } from '../models/types.js';
import { daysPerUnit, type TimeUnit } from '../models/units.js';
import { fitSpendBands, type SpendBand } from '../models/spendBands.js';
import { spendCorrelation, spendCorrelationNote, type SpendCorrelation } from '../models/spendCorrelation.js';

/** Per-customer model inputs as the summary query gives them: times in days, aligned by idx. */
export interface CustomerInput {
  /** Repeat purchase days (distinct purchase days − 1). */
  x: Float64Array;
  /** Days from the first to the last purchase day. */
  txDays: Float64Array;
  /** Days from the first purchase day to the as-of date. */
  TDays: Float64Array;
  /** Mean net spend per repeat purchase day (0 for one-time buyers; ≤ 0 when returns outweigh). */
  mbar: Float64Array;
  /** Net spend to date, for the spend fallback. */
  monetary: Float64Array;
  /**
   * 1 for house accounts (customer_summary.house_account: marketplace or wholesale ids), which are
   * scored but left out of every fit; absent means none.
   */
  house?: Uint8Array;
}

/** The models stored in model_fits. */
export type ModelName = ChurnKind | 'gammagamma';

/** One model_fits row. */
export interface FitRecord {
  model: ModelName;
  /** r, alpha, a, b (a, b null for the no-dropout limit) or p, q, gamma; null when the fit failed. */
  params: Record<string, number | null> | null;
  logLikelihood: number | null;
  /** Customers the fit used (Gamma-Gamma: repeat buyers with m̄ > 0). */
  nCustomers: number;
  timeUnit: TimeUnit;
  converged: boolean;
  iterations: number;
  message: string;
  /** The optimum is the no-dropout limit (a → 0 / b → ∞) and the NBD is used instead. */
  boundary: boolean;
  /** This fit's model produced the run's scores. */
  scoring: boolean;
}

/** Last run's optima, already in this run's time unit, tried as extra starting points. */
export interface WarmStarts {
  bgnbd?: BgParams;
  mbgnbd?: BgParams;
  pnbd?: ParetoParams;
  gammagamma?: GammaGammaParams;
}

/** What scoring needs: the churn model, the spend model or its fallback, and what to record. */
export interface FittedModels {
  fits: FitRecord[];
  /** The model to score with, in the config's time unit; null when no churn fit succeeded. */
  churn: ChurnModel | null;
  /** The Gamma-Gamma fit; null when it failed (then fallbackOrderValue is used). */
  spend: GammaGammaParams | null;
  /** Spend per future order for everyone when the Gamma-Gamma could not be fitted. */
  fallbackOrderValue: number;
  /** Plain-language notes for runs.notes (empty when all went well). */
  notes: string[];
  /** The Gamma-Gamma's assumption check on the customers fitted (Pearson of x and m̄). */
  spendCorrelation: SpendCorrelation;
  /** When that correlation is material: the Gamma-Gamma per frequency band, which scoring then uses; else null. */
  spendBands: SpendBand[] | null;
}

const NAME: Record<ModelName, string> = { bgnbd: 'BG/NBD', mbgnbd: 'MBG/NBD', pnbd: 'Pareto/NBD', gammagamma: 'Gamma-Gamma' };

/** Without a selection ('auto' with too little history to hold out), the documented default MBG/NBD. */
export const DEFAULT_ORDER: readonly ChurnKind[] = ['mbgnbd', 'pnbd', 'bgnbd'];

/** The churn setting fitModels needs: a named model, or 'auto' with the selection's ranking. */
export interface FitChoice {
  timeUnit: ModelsConfig['timeUnit'];
  scoringModel: ModelsConfig['scoringModel'];
  /** With 'auto': the selection's ranking, best first (default DEFAULT_ORDER). */
  ranking?: readonly ChurnKind[];
}

/**
 * Fit the scoring churn model on the compressed (x, t_x, T) table and the Gamma-Gamma on the
 * compressed (x, m̄) table, in the config's time unit, with last run's optima as warm starts.
 * The churn model is the named one, or with 'auto' the selection's winner; when its fit fails the
 * next in line is fitted (a named model: the others in DEFAULT_ORDER; 'auto': the ranking), and
 * each attempt is recorded. House accounts are left out of every fit (they are scored with the
 * fitted models all the same). Never throws on data: a failed fit becomes a FitRecord with its
 * error as message. The Gamma-Gamma failing (no repeat buyer with positive m̄) → every customer's
 * spend per order is the population's net spend per purchase day, Σ monetary / Σ (x + 1), floored at 0.
 *
 * `histories` is compressHistories(input) when the caller already has it (it is reused for the
 * churn reasons), to avoid compressing a million customers twice.
 *
 * @example const fitted = fitModels(input, { ...DEFAULT_MODELS, scoringModel: 'mbgnbd' }); fitted.fits.map((f) => f.model) // ['mbgnbd', 'gammagamma']
 */
export function fitModels(input: CustomerInput, config: FitChoice, warm: WarmStarts = {}, histories = compressHistories(input)): FittedModels {
  const unit = config.timeUnit;
  const k = daysPerUnit(unit);
  const fitted = fittingInput(input, histories);
  // Days → model units row by row: dividing by 7 keeps distinct integer days distinct.
  const rows = { x: fitted.histories.x, tx: fitted.histories.tx.map((d) => d / k), T: fitted.histories.T.map((d) => d / k), weight: fitted.histories.weight };
  const notes: string[] = [];
  const fits: FitRecord[] = [];
  const n = fitted.input.x.length;
  if (fitted.house > 0) notes.push(`churn/CLV: ${fitted.house} house account${fitted.house === 1 ? ' is' : 's are'} left out of the model fits (scored with the fitted models)`);

  const wanted = config.scoringModel;
  const order: readonly ChurnKind[] = wanted === 'auto' ? (config.ranking ?? DEFAULT_ORDER) : [wanted, ...DEFAULT_ORDER.filter((m) => m !== wanted)];
  let used: ChurnKind | undefined;
  let churnFit: ChurnFit | undefined;
  for (const kind of order) {
    const base = { model: kind, timeUnit: unit, nCustomers: n, scoring: false };
    try {
      if (n === 0) throw new RangeError('no customers to fit (every customer is a house account)');
      const fit = fitChurnModel(kind, rows, { ...(warm[kind] && { warmStart: warm[kind] }), daysPerUnit: k });
      if (!Number.isFinite(fit.logLikelihood) || !paramsFinite(fit.params)) throw new Error(`the optimiser returned a non-finite result (${fit.message})`);
      fits.push({ ...base, params: churnParams(kind, fit.params), logLikelihood: fit.logLikelihood, converged: fit.converged, iterations: fit.iterations, message: fit.message, boundary: fit.boundary, scoring: true });
      used = kind;
      churnFit = fit;
      break;
    } catch (err) {
      fits.push({ ...base, params: null, logLikelihood: null, converged: false, iterations: 0, message: `fit failed: ${(err as Error).message}`, boundary: false });
    }
  }
  let churn: ChurnModel | null = null;
  if (used === undefined || churnFit === undefined) {
    notes.push(`churn/CLV: no churn model could be fitted (${fits.map((f) => `${NAME[f.model]}: ${f.message}`).join('; ')}); churn and CLV columns are left empty`);
  } else {
    churn = churnFit.params;
    if (used !== order[0]) notes.push(`churn/CLV: the ${NAME[order[0]!]} fit failed, so customers are scored with the ${NAME[used]}`);
    notes.push(...churnNotes(used, churnFit));
  }

  const spendFit = fitSpend(fitted.input, warm.gammagamma);
  let spend: GammaGammaParams | null = null;
  if ('error' in spendFit) {
    fits.push({ model: 'gammagamma', params: null, logLikelihood: null, nCustomers: 0, timeUnit: unit, converged: false, iterations: 0, message: `fit failed: ${spendFit.error}`, boundary: false, scoring: false });
  } else {
    const f = spendFit.fit;
    spend = f.params;
    fits.push({ model: 'gammagamma', params: { p: f.params.p, q: f.params.q, gamma: f.params.gamma }, logLikelihood: f.logLikelihood, nCustomers: f.used, timeUnit: unit, converged: f.converged, iterations: f.iterations, message: f.message, boundary: false, scoring: churn !== null });
    if (!f.converged) notes.push(`churn/CLV: the Gamma-Gamma spend fit did not converge (${f.message}); order values may be off`);
  }
  const spendCorr = spendCorrelation(fitted.input.x, fitted.input.mbar);
  let spendBands: SpendBand[] | null = null;
  if (spend !== null && spendCorr.material) {
    spendBands = fitSpendBands(fitted.input.x, fitted.input.mbar);
    const gg = fits.find((f) => f.model === 'gammagamma')!;
    if (spendBands) gg.message += `; fitted again within frequency bands, which score spend per order: ${spendBands.map(describeBand).join('; ')}`;
    notes.push(spendCorrelationNote(spendCorr, spendBands !== null));
  }
  const fallbackOrderValue = populationOrderValue(fitted.input);
  if (spend === null) {
    const why = 'error' in spendFit ? spendFit.error : '';
    notes.push(`churn/CLV: spend per order could not be modelled (${why}); every customer's expected order value is the average net spend per purchase day, ${fallbackOrderValue.toFixed(2)}`);
  }
  const negative = countNonPositiveRepeatSpend(fitted.input);
  if (negative > 0) {
    const who = negative === 1 ? '1 repeat buyer has' : `${negative} repeat buyers have`;
    notes.push(`churn/CLV: ${who} net spend ≤ 0 per repeat purchase (returns); left out of the spend fit, valued at the m̄ → 0 limit`);
  }
  return { fits, churn, spend, fallbackOrderValue, notes, spendCorrelation: spendCorr, spendBands };
}

/** "x 2–3: p = 6.25, q = 3.74, γ = 15.4 (412 buyers)". */
const describeBand = (b: SpendBand): string =>
  `x ${b.maxX === b.minX ? b.minX : Number.isFinite(b.maxX) ? `${b.minX}–${b.maxX}` : `${b.minX}+`}: p = ${b.params.p.toPrecision(3)}, q = ${b.params.q.toPrecision(3)}, γ = ${b.params.gamma.toPrecision(3)} (${b.customers} buyers)`;

/** The customers that enter the fits (all but house accounts) and their compressed histories. */
function fittingInput(input: CustomerInput, histories: CompressedSummary): { input: CustomerInput; histories: CompressedSummary; house: number } {
  const house = input.house;
  const count = house ? house.reduce((s, v) => s + v, 0) : 0;
  if (!house || count === 0) return { input, histories, house: 0 };
  const keep = (col: Float64Array): Float64Array => col.filter((_, i) => house[i] === 0);
  const kept: CustomerInput = { x: keep(input.x), txDays: keep(input.txDays), TDays: keep(input.TDays), mbar: keep(input.mbar), monetary: keep(input.monetary) };
  return { input: kept, histories: compressHistories(kept), house: count };
}

/**
 * Customers' distinct (x, t_x, T) histories in days, with weights and customer → row.
 *
 * @example compressHistories(input).x.length // distinct histories
 */
export const compressHistories = (input: CustomerInput): CompressedSummary => compressSummary(input.x, input.txDays, input.TDays);

function fitSpend(input: CustomerInput, warm: GammaGammaParams | undefined): { fit: SpendFit } | { error: string } {
  try {
    const fit = fitGammaGamma(compressSpend(input.x, input.mbar), warm ? { warmStart: warm } : {});
    const { p, q, gamma } = fit.params;
    if (![p, q, gamma, fit.logLikelihood].every(Number.isFinite) || !(q > 1)) throw new Error(`the optimiser returned an unusable result (${fit.message})`);
    return { fit };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

const paramsFinite = (m: ChurnModel): boolean =>
  Object.entries(m).every(([k, v]) => k === 'kind' || (typeof v === 'number' && Number.isFinite(v) && v > 0));

/** Parameters as stored: the fitted kind's names, the dropout pair null at the no-dropout limit. */
function churnParams(kind: ChurnKind, m: ChurnModel): Record<string, number | null> {
  switch (m.kind) {
    case 'nbd':
      return kind === 'pnbd' ? { r: m.r, alpha: m.alpha, s: null, beta: null } : { r: m.r, alpha: m.alpha, a: null, b: null };
    case 'pnbd':
      return { r: m.r, alpha: m.alpha, s: m.s, beta: m.beta };
    default:
      return { r: m.r, alpha: m.alpha, a: m.a, b: m.b };
  }
}

/** Notes worth a reader's attention about the scoring fit: the dropout limit, thin data, non-convergence. */
function churnNotes(kind: ChurnKind, fit: ChurnFit): string[] {
  const notes: string[] = [];
  if (fit.boundary) {
    notes.push(`churn/CLV: the ${NAME[kind]} finds no measurable dropout in these data, so its no-dropout limit (NBD) is used: P(alive) = 1 for everyone and churn risk comes from purchase rates alone`);
  }
  if (fit.warnings.length > 0) {
    notes.push(`churn/CLV: too little data to trust the ${NAME[kind]} fit (${fit.warnings.join('; ')}); treat churn risk and CLV as rough and rank customers with the RFM segments`);
  }
  if (!fit.converged) notes.push(`churn/CLV: the ${NAME[kind]} fit stopped before converging (${fit.message})`);
  return notes;
}

/** Σ monetary / Σ purchase days, floored at 0: the fallback spend per future order. */
function populationOrderValue(input: CustomerInput): number {
  let spend = 0, days = 0;
  for (let i = 0; i < input.x.length; i++) {
    spend += input.monetary[i]!;
    days += input.x[i]! + 1;
  }
  const v = days > 0 ? spend / days : 0;
  return Number.isFinite(v) && v > 0 ? v : 0;
}

function countNonPositiveRepeatSpend(input: CustomerInput): number {
  let n = 0;
  for (let i = 0; i < input.x.length; i++) if (input.x[i]! > 0 && !(input.mbar[i]! > 0)) n++;
  return n;
}
