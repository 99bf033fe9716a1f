/**
 * Levenshtein distance between two strings (insertions, deletions, substitutions; a swap of two
 * neighbours counts 1, so `fromat` is one edit from `format`).
 *
 * @example editDistance('fromat', 'format') // 1
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      // a transposition (optimal string alignment): typing two letters the wrong way round is one slip
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The candidate closest to a mistyped word, when it is close enough to be a slip (at most a third
 * of the word's length in edits, at least 1; case and `-`/`_` ignored), else undefined.
 *
 * @example didYouMean('asof', ['as-of', 'out', 'locale']) // 'as-of'
 * @example didYouMean('banana', ['as-of', 'out']) // undefined
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const norm = (s: string): string => s.toLowerCase().replace(/[-_]/g, '');
  const w = norm(word);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const dist = editDistance(w, norm(c));
    if (dist < bestDistance) [best, bestDistance] = [c, dist];
  }
  return bestDistance <= Math.max(1, Math.floor(w.length / 3)) ? best : undefined;
}

/**
 * A ` (did you mean "x"?)` suffix for a message, or '' when nothing is close.
 *
 * @example `unknown flag --fromat${suggestion('fromat', ['format'], (c) => '--' + c)}` // 'unknown flag --fromat (did you mean --format?)'
 */
export const suggestion = (word: string, candidates: readonly string[], show: (c: string) => string = (c) => `"${c}"`): string => {
  const best = didYouMean(word, candidates);
  return best === undefined ? '' : ` (did you mean ${show(best)}?)`;
};
