/**
 * Settings of house-account detection (README "House accounts"): a pipeline's `houseAccounts`
 * laid over these defaults. Each run stores the values it used in run_config 'houseAccounts'.
 */
export interface HouseAccountsConfig {
  /** customer ids that are always house accounts (a marketplace operator, the shop's own account) */
  ids: string[];
  /** a customer is flagged only at or above this share of orders or of net revenue (0..1) */
  minShare: number;
  /**
   * …and at or above this many times an even share (1 / customers): 10 customers cannot make 5%
   * implausible, so on a base of n customers the bar is max(minShare, fairShareMultiple / n)
   */
  fairShareMultiple: number;
  /** …and at least this many times the share of the next customer not flagged ("far beyond the rest") */
  gapRatio: number;
  /** at most this many customers are flagged by the share rule (declared ids come on top) */
  maxAccounts: number;
  /** true: house accounts stay in the model fits and clusters (they are still flagged and named) */
  keepInModels: boolean;
}

/** The segment a house account gets instead of a rule's (customer_scores.segment). */
export const HOUSE_SEGMENT = 'House account';

export const DEFAULT_HOUSE_ACCOUNTS: HouseAccountsConfig = {
  ids: [],
  minShare: 0.05,
  fairShareMultiple: 10,
  gapRatio: 3,
  maxAccounts: 3,
  keepInModels: false,
};

/**
 * The problems of a house-accounts config (empty when it is usable), each naming its key.
 *
 * @example houseConfigProblems({ ...DEFAULT_HOUSE_ACCOUNTS, minShare: 2 }) // ['houseAccounts.minShare: must be a share between 0 and 1, got 2']
 */
export function houseConfigProblems(c: HouseAccountsConfig): string[] {
  const problems: string[] = [];
  const at = (key: string, want: string, v: unknown) => problems.push(`houseAccounts.${key}: must be ${want}, got ${JSON.stringify(v)}`);
  if (!c.ids.every((id) => typeof id === 'string' && id.trim() !== '')) at('ids', 'a list of customer ids (non-empty strings)', c.ids);
  if (!(c.minShare > 0 && c.minShare <= 1)) at('minShare', 'a share between 0 and 1', c.minShare);
  if (!(c.fairShareMultiple >= 1)) at('fairShareMultiple', 'a number ≥ 1 (times an even share)', c.fairShareMultiple);
  if (!(c.gapRatio >= 1)) at('gapRatio', 'a number ≥ 1 (times the next customer\'s share)', c.gapRatio);
  if (!(Number.isInteger(c.maxAccounts) && c.maxAccounts >= 0)) at('maxAccounts', 'a whole number ≥ 0', c.maxAccounts);
  return problems;
}
