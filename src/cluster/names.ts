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
 * What a cluster's name says, as codes: the report renders these in its own language, while the
 * English name built from them is what cluster_profiles.name stores for SQL users.
 */
export interface ClusterNameParts {
  /** 'recent' (few days since the last order), 'lapsed', or null for a middling recency. */
  recency: 'recent' | 'lapsed' | null;
  /** 'occasional', 'frequent', or null for a middling frequency (always null for one-timers). */
  frequency: 'occasional' | 'frequent' | null;
  /** Spend level; one-timers of middling spend leave it out (null). */
  spend: Level | null;
  /** Customers with a single typical order: "one-timers" instead of "spenders". */
  oneTimers: boolean;
  /** What tells same-named clusters apart: a feature and its typical value in original units. */
  detail?: { feature: string; value: string };
  /** Last-resort suffix "#id" when even the detail reads the same. */
  suffix?: number;
}

/**
 * The parts of a name from the recency, frequency and spend levels. A mid recency or frequency
 * says nothing worth a word, so it is left out; spend always appears (except for mid one-timers).
 *
 * @example clusterNameParts('high', 'low', 'mid', true) // { recency: 'lapsed', frequency: null, spend: null, oneTimers: true }
 */
export function clusterNameParts(recency: Level, frequency: Level, monetary: Level, oneTimers: boolean): ClusterNameParts {
  return {
    recency: recencyWord(recency),
    frequency: oneTimers ? null : frequencyWord(frequency),
    spend: oneTimers && monetary === 'mid' ? null : monetary,
    oneTimers,
  };
}

/**
 * A plain-language English name from the recency, frequency and spend levels, e.g. "recent
 * frequent high spenders", "lapsed one-timers", "frequent mid spenders".
 *
 * @example clusterName('high', 'low', 'mid', true) // 'lapsed one-timers'
 */
export function clusterName(recency: Level, frequency: Level, monetary: Level, oneTimers: boolean): string {
  return englishClusterName(clusterNameParts(recency, frequency, monetary, oneTimers));
}

/**
 * The English name of a cluster's parts, as stored.
 * @example englishClusterName({ recency: 'recent', frequency: 'frequent', spend: 'high', oneTimers: false }) // 'recent frequent high spenders'
 */
export function englishClusterName(p: ClusterNameParts): string {
  const words = [p.recency ?? ''];
  if (p.oneTimers) words.push(p.spend === null ? '' : `${p.spend}-spend`, 'one-timers');
  else words.push(p.frequency ?? '', `${p.spend ?? 'mid'} spenders`);
  let name = words.filter((w) => w !== '').join(' ');
  if (p.detail) name += ` (${phraseOf(p.detail.feature)(p.detail.value)})`;
  if (p.suffix !== undefined) name += ` #${p.suffix}`;
  return name;
}

const NAME_PATTERN =
  /^(?:(recent|lapsed) )?(?:(?:(occasional|frequent) )?(low|mid|high) spenders|(?:(low|mid|high)-spend )?one-timers)(?: \((.+)\))?(?: #(\d+))?$/;

/**
 * The parts of a stored English cluster name, or null for a name this grammar did not make (an
 * older run's, or one typed by hand), which the report then shows as stored.
 *
 * @example parseClusterName('lapsed one-timers (~3 orders)') // { recency: 'lapsed', …, detail: { feature: 'frequency', value: '3' } }
 */
export function parseClusterName(name: string): ClusterNameParts | null {
  const m = NAME_PATTERN.exec(name);
  if (m === null) return null;
  const oneTimers = m[3] === undefined;
  const parts: ClusterNameParts = {
    recency: (m[1] as ClusterNameParts['recency']) ?? null,
    frequency: (m[2] as ClusterNameParts['frequency']) ?? null,
    spend: ((oneTimers ? m[4] : m[3]) as Level | undefined) ?? null,
    oneTimers,
  };
  if (m[5] !== undefined) {
    const detail = parseDetail(m[5]);
    if (detail === null) return null;
    parts.detail = detail;
  }
  if (m[6] !== undefined) parts.suffix = Number(m[6]);
  // only names this grammar would write back the same way count as parsed
  return englishClusterName(parts) === name ? parts : null;
}

function parseDetail(text: string): ClusterNameParts['detail'] | null {
  for (const [feature, phrase] of Object.entries(PHRASE)) {
    const [before, after] = phrase('\u0000').split('\u0000') as [string, string];
    if (text.startsWith(before) && text.endsWith(after) && text.length > before.length + after.length) {
      return { feature, value: text.slice(before.length, text.length - after.length) };
    }
  }
  const other = /^(\S+) ~(.+)$/.exec(text);
  return other ? { feature: other[1]!, value: other[2]! } : null;
}

function recencyWord(level: Level): ClusterNameParts['recency'] {
  // Recency is days since the last order: few days is recent.
  switch (level) {
    case 'low':
      return 'recent';
    case 'mid':
      return null;
    case 'high':
      return 'lapsed';
    default:
      throw new Error(`unknown level ${String(level satisfies never)}`);
  }
}

function frequencyWord(level: Level): ClusterNameParts['frequency'] {
  switch (level) {
    case 'low':
      return 'occasional';
    case 'mid':
      return null;
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

const phraseOf = (feature: string): ((value: string) => string) => PHRASE[feature] ?? ((v: string) => `${feature} ~${v}`);

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
  previous?: readonly (ClusterNameParts | undefined)[],
): string[] {
  const d = features.length;
  const out = [...names];
  for (const name of new Set(names)) {
    const group = names.flatMap((n, c) => (n === name ? [c] : []));
    if (group.length < 2) continue;
    const kept = previous && keptDetails(group, name, original, features, previous);
    if (kept) {
      group.forEach((c, x) => (out[c] = `${name} (${phraseOf(kept.feature)(kept.texts[x]!)})`));
      continue;
    }
    const j = widestFeature(group, standardized, d);
    const phrase = phraseOf(features[j]!);
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

/** How far (relative) a detail's value may drift before its text is written afresh. */
export const DETAIL_HYSTERESIS = 0.15;

/**
 * Last run's detail texts for a group of same-named clusters, when each was matched to a cluster
 * of the same name whose detail was on one shared feature, each value is within
 * DETAIL_HYSTERESIS of last run's, and the texts still differ: "(~40 days a customer)" does not
 * become "(~41 days a customer)" for a day's drift. Null otherwise (the details are made afresh).
 */
function keptDetails(
  group: number[],
  name: string,
  original: Float64Array,
  features: readonly string[],
  previous: readonly (ClusterNameParts | undefined)[],
): { feature: string; texts: string[] } | null {
  const before = group.map((c) => previous[c]);
  const feature = before[0]?.detail?.feature;
  if (feature === undefined) return null;
  const j = features.indexOf(feature);
  if (j < 0) return null;
  const texts: string[] = [];
  for (const [x, p] of before.entries()) {
    if (!p?.detail || p.detail.feature !== feature || p.suffix !== undefined) return null;
    if (englishClusterName({ ...p, detail: undefined }) !== name) return null;
    const was = Number(p.detail.value);
    const now = original[group[x]! * features.length + j]!;
    if (!(was > 0) || !(now > 0) || Math.abs(Math.log(now / was)) > Math.log1p(DETAIL_HYSTERESIS)) return null;
    texts.push(p.detail.value);
  }
  return new Set(texts).size === texts.length ? { feature, texts } : null;
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
