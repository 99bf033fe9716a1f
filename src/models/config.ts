import type { HorizonChoice } from './autoHorizon.js';
import { VALUE_TIERS, type ValueTier } from './tiers.js';
import { CHURN_KINDS, type ChurnKind } from './types.js';
import type { TimeUnit } from './units.js';

/**
 * Settings of the churn-risk and CLV step (src/analyze/modelsStep.ts) and of `crm backtest`.
 * Every run stores the settings it used in `run_config` (section 'models'), and the report
 * states them next to the numbers.
 */
export interface ModelsConfig {
  /**
   * The churn model whose scores fill customer_scores: 'auto' (default) chooses per run on the
   * business's own most recent stretch held out (README "Model selection"); 'bgnbd', 'mbgnbd' or
   * 'pnbd' forces that model (as `--model` does on the command line).
   */
  scoringModel: ChurnKind | 'auto';
  /**
   * Time unit of the fits. Weeks is the literature's convention (MODELS.md's reference numbers are
   * in weeks), so the parameters in model_fits compare directly with published ones; days give the
   * same r, a, b and the same scores, with α 7× larger. Compression is identical either way.
   */
  timeUnit: TimeUnit;
  /**
   * Horizon of churn_risk and expected_orders_90d, in days, or 'auto': the business's own purchase
   * cycle, the 75th percentile of repeat buyers' usual gap between orders in whole weeks, clamped to
   * 14–364 days (autoHorizon). The run stores the days it used (UsedModelsConfig).
   */
  horizonDays: number | 'auto';
  /** expected_next_order_date is left NULL when the model's 50% point lies beyond this many days. */
  nextOrderMaxDays: number;
  clv: {
    /** Gross margin ratio applied to spend (1.0 = revenue, no cost deducted). */
    margin: number;
    /** Monthly discount rate, e.g. 0.01 for 1% a month (≈ 12.7% a year). */
    monthlyDiscount: number;
    /** CLV horizon in whole months (the column is clv_12m). */
    months: number;
  };
  /**
   * churn_band from churn_risk = P(no order within the horizon): 'high' when risk ≥ high,
   * 'medium' when risk ≥ medium, else 'low'.
   */
  churnBands: { medium: number; high: number };
  /**
   * value_tier by value_if_kept_12m rank (the 12-month value if the customer stays, which churn
   * risk has not discounted): 'top' for the top share of customers, 'mid' for the next share,
   * 'low' for the rest.
   */
  valueTiers: { top: number; mid: number };
  /** The value tiers that "high value" means in the highlights, the worth-saving list and its named query. */
  highValueTiers: ValueTier[];
}

/** The settings a run used, as stored in run_config 'models': the horizon resolved to days, and how it was chosen. */
export interface UsedModelsConfig extends Omit<ModelsConfig, 'horizonDays' | 'highValueTiers'> {
  horizonDays: number;
  /** Absent in runs made before the auto horizon (their horizon was a set number). */
  horizon?: HorizonChoice;
  /** Absent in runs made before it was a setting: those counted top and mid as high value. */
  highValueTiers?: ValueTier[];
}

/**
 * "High value" of a stored run: its setting, or top and mid for runs made before the setting existed.
 *
 * @example usedHighValueTiers({ ...DEFAULT_MODELS, horizonDays: 63 }) // ['top']
 */
export const usedHighValueTiers = (c: UsedModelsConfig | null): ValueTier[] => c?.highValueTiers ?? ['top', 'mid'];

/** The documented defaults (README: Churn and CLV). */
export const DEFAULT_MODELS: ModelsConfig = {
  scoringModel: 'auto',
  timeUnit: 'week',
  horizonDays: 'auto',
  nextOrderMaxDays: 365,
  clv: { margin: 1.0, monthlyDiscount: 0.01, months: 12 },
  churnBands: { medium: 0.5, high: 0.8 },
  valueTiers: { top: 0.2, mid: 0.3 },
  highValueTiers: ['top'],
};

/**
 * Throw on settings that cannot produce meaningful scores, naming the bad value.
 *
 * @example checkModelsConfig({ ...DEFAULT_MODELS, horizonDays: -1 }) // throws
 */
export function checkModelsConfig(c: ModelsConfig): void {
  const problems: string[] = [];
  if (!['auto', ...CHURN_KINDS].includes(c.scoringModel)) problems.push(`scoringModel must be 'auto', 'bgnbd', 'mbgnbd' or 'pnbd', got ${String(c.scoringModel)}`);
  if (c.timeUnit !== 'day' && c.timeUnit !== 'week') problems.push(`timeUnit must be 'day' or 'week', got ${String(c.timeUnit)}`);
  if (c.horizonDays !== 'auto' && !(typeof c.horizonDays === 'number' && c.horizonDays > 0 && Number.isFinite(c.horizonDays))) {
    problems.push(`horizonDays must be 'auto' or a number of days > 0, got ${JSON.stringify(c.horizonDays)}`);
  }
  if (!(c.nextOrderMaxDays > 0 && Number.isFinite(c.nextOrderMaxDays))) problems.push(`nextOrderMaxDays must be > 0, got ${c.nextOrderMaxDays}`);
  if (!(c.clv.margin >= 0 && c.clv.margin <= 1)) problems.push(`clv.margin must be in [0, 1], got ${c.clv.margin}`);
  if (!(c.clv.monthlyDiscount >= 0 && c.clv.monthlyDiscount < 1)) problems.push(`clv.monthlyDiscount must be in [0, 1), got ${c.clv.monthlyDiscount}`);
  if (!(Number.isInteger(c.clv.months) && c.clv.months >= 0)) problems.push(`clv.months must be a whole number ≥ 0, got ${c.clv.months}`);
  const { medium, high } = c.churnBands;
  if (!(medium > 0 && medium <= high && high <= 1)) problems.push(`churnBands need 0 < medium ≤ high ≤ 1, got ${medium}, ${high}`);
  const { top, mid } = c.valueTiers;
  if (!(top > 0 && mid >= 0 && top + mid <= 1)) problems.push(`valueTiers need top > 0, mid ≥ 0 and top + mid ≤ 1, got ${top}, ${mid}`);
  const tiers = c.highValueTiers;
  if (!Array.isArray(tiers) || tiers.length === 0 || tiers.some((t) => !VALUE_TIERS.includes(t)) || new Set(tiers).size !== tiers.length) {
    problems.push(`highValueTiers must list distinct tiers out of ${VALUE_TIERS.map((t) => `'${t}'`).join(', ')}, e.g. ['top'], got ${JSON.stringify(tiers)}`);
  }
  if (problems.length > 0) throw new RangeError(`invalid churn/CLV settings: ${problems.join('; ')}`);
}
