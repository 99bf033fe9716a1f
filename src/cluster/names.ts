/** Where a cluster's centre sits against all customers on one metric. */
export type Level = 'low' | 'mid' | 'high';

/**
 * How far (in standard deviations of the transformed feature, the units k-means measured in) a
 * centre must sit from the overall median to count as high or low.
 */
export const LEVEL_THRESHOLD = 0.5;

/** Below this typical order count a cluster is named for single-order customers. */
export const ONE_TIMER_FREQUENCY = 1.5;

/**
 * The level of a centre coordinate against the overall median, both standardised.
 *
 * @example levelOf(0.9, 0.1) // 'high'
 */
export function levelOf(centre: number, median: number): Level {
  const z = centre - median;
  return z > LEVEL_THRESHOLD ? 'high' : z < -LEVEL_THRESHOLD ? 'low' : 'mid';
}

/**
 * A plain-language name from the recency, frequency and spend levels, e.g. "recent frequent high
 * spenders", "lapsed one-timers", "frequent mid spenders". A mid recency or frequency says
 * nothing worth a word, so it is left out; spend always appears.
 *
 * @example clusterName('high', 'low', 'mid', true) // 'lapsed one-timers'
 */
export function clusterName(recency: Level, frequency: Level, monetary: Level, oneTimers: boolean): string {
  const words = [recencyWord(recency)];
  if (oneTimers) {
    words.push(monetary === 'mid' ? '' : `${monetary}-spend`, 'one-timers');
  } else {
    words.push(frequencyWord(frequency), `${monetary} spenders`);
  }
  return words.filter((w) => w !== '').join(' ');
}

function recencyWord(level: Level): string {
  // Recency is days since the last order: few days is recent.
  switch (level) {
    case 'low':
      return 'recent';
    case 'mid':
      return '';
    case 'high':
      return 'lapsed';
    default:
      throw new Error(`unknown level ${String(level satisfies never)}`);
  }
}

function frequencyWord(level: Level): string {
  switch (level) {
    case 'low':
      return 'occasional';
    case 'mid':
      return '';
    case 'high':
      return 'frequent';
    default:
      throw new Error(`unknown level ${String(level satisfies never)}`);
  }
}

/** How a typical value of a feature reads in a name; any other feature reads "name ~value". */
const PHRASE: Readonly<Record<string, (value: string) => string>> = {
  recency_days: (v) => `last order ~${v} days ago`,
  frequency: (v) => `~${v} orders`,
  monetary: (v) => `~${v} spend`,
  tenure_days: (v) => `~${v} days a customer`,
  avg_order_value: (v) => `~${v} per order`,
  return_rate: (v) => `return rate ~${v}`,
};

/**
 * Names made unique within a run. Clusters sharing a name are told apart by the feature whose
 * standardised centres differ most among them, stated as each centre's typical value in
 * original units: "mid spenders (~3 orders)", "mid spenders (~8 orders)". A last-resort "#id"
 * suffix covers clusters whose values still read the same.
 *
 * @example uniqueNames(['mid spenders', 'mid spenders'], standardized, original, ['frequency', 'monetary'])
 * // ['mid spenders (~3 orders)', 'mid spenders (~8 orders)']
 */
export function uniqueNames(
  names: readonly string[],
  standardized: Float64Array,
  original: Float64Array,
  features: readonly string[],
): string[] {
  const d = features.length;
  const out = [...names];
  for (const name of new Set(names)) {
    const group = names.flatMap((n, c) => (n === name ? [c] : []));
    if (group.length < 2) continue;
    const j = widestFeature(group, standardized, d);
    const phrase = PHRASE[features[j]!] ?? ((v: string) => `${features[j]} ~${v}`);
    const values = group.map((c) => original[c * d + j]!);
    const texts = distinctTexts(values);
    group.forEach((c, x) => (out[c] = `${name} (${phrase(texts[x]!)})`));
  }
  const seen = new Set<string>();
  return out.map((n, c) => {
    const unique = seen.has(n) ? `${n} #${c}` : n;
    seen.add(unique);
    return unique;
  });
}

/** Values to as few significant digits (2 to 4) as keep them apart. */
function distinctTexts(values: number[]): string[] {
  let texts: string[] = [];
  for (let digits = 2; digits <= 4; digits++) {
    texts = values.map((v) => String(Number(v.toPrecision(digits))));
    if (new Set(texts).size === texts.length) break;
  }
  return texts;
}

function widestFeature(group: number[], centres: Float64Array, d: number): number {
  let best = 0;
  let bestRange = -1;
  for (let j = 0; j < d; j++) {
    const values = group.map((c) => centres[c * d + j]!);
    const range = Math.max(...values) - Math.min(...values);
    if (range > bestRange) {
      bestRange = range;
      best = j;
    }
  }
  return best;
}
