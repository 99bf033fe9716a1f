/** Whether a KPI going up is good news, bad news, or neither. */
export type Valence = 'up_good' | 'up_bad' | 'neutral';
/** How a change reads to a manager; drives the tile's colour (never the arrow's direction). */
export type Tone = 'good' | 'bad' | 'neutral';

/**
 * Each KPI's valence (README "Key figures"). Customers to date is neutral: it can only grow (each
 * first order adds one), so green would say nothing, and its change is the new customers, which
 * have their own tile. A KPI missing here (e.g. one added later) is neutral rather than guessed.
 */
export const KPI_VALENCE: Readonly<Record<string, Valence>> = {
  revenue: 'up_good',
  orders: 'up_good',
  active_customers: 'up_good',
  new_customers: 'up_good',
  aov: 'up_good',
  repeat_rate: 'up_good',
  won_back: 'up_good',
  churned: 'up_bad',
  return_rate: 'up_bad',
  customers: 'neutral',
};

/**
 * A KPI's valence; neutral when the KPI is unknown.
 * @example valenceOf('return_rate') // 'up_bad'
 */
export const valenceOf = (key: string): Valence => KPI_VALENCE[key] ?? 'neutral';

/**
 * The tone of a change: flat (including a change that rounds to zero) and neutral KPIs are neutral.
 * @example toneOf('up_bad', 'up') // 'bad'; toneOf('up_good', 'flat') // 'neutral'
 */
export function toneOf(valence: Valence, direction: 'up' | 'down' | 'flat'): Tone {
  if (direction === 'flat' || valence === 'neutral') return 'neutral';
  return (direction === 'up') === (valence === 'up_good') ? 'good' : 'bad';
}
