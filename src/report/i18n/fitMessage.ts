import type { ReportText } from './index.js';

type Fit = ReportText['m']['names']['fit'];

/** The English fragments the fitting step writes (src/models), and how each reads in a catalogue. */
const FRAGMENTS: readonly [RegExp, (f: Fit, g: string[]) => string][] = [
  [/^gradient below tolerance$/, (f) => f.gradient],
  [/^relative change of the objective below tolerance$/, (f) => f.relativeChange],
  [/^simplex collapsed$/, (f) => f.simplex],
  [/^iteration cap \((\d+)\) reached$/, (f, g) => f.iterationCap(g[0]!)],
  [/^stopped at the precision limit \(line search found no decrease; \|grad\| = (\S+)\)$/, (f, g) => f.precision(g[0]!)],
  [/^(\d+) customers excluded \(no repeat purchase or mean spend ≤ 0\)$/, (f, g) => f.excluded(g[0]!)],
];

/**
 * A model fit's stored message in the report's language, fragment by fragment (they are joined
 * with "; "); a fragment this table does not know is shown as stored.
 *
 * @example fitMessage('relative change of the objective below tolerance; 939 customers excluded (no repeat purchase or mean spend ≤ 0)', zh)
 * // '目标函数的相对变化低于容差；939 位客户未计入（没有复购，或平均消费 ≤ 0）'
 */
export function fitMessage(message: string, t: ReportText): string {
  const separator = t.locale === 'zh-CN' ? '；' : '; ';
  return splitTopLevel(message)
    .map((part) => {
      for (const [pattern, render] of FRAGMENTS) {
        const m = pattern.exec(part);
        if (m) return render(t.m.names.fit, m.slice(1).map((g) => (/^\d+$/.test(g) ? t.fmt.int(Number(g)) : g)));
      }
      return part;
    })
    .join(separator);
}

/** Splits at "; " outside parentheses (a fragment may hold "; " inside its own brackets). */
function splitTopLevel(message: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < message.length; i++) {
    const c = message[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ';' && depth === 0 && message[i + 1] === ' ') {
      parts.push(message.slice(start, i));
      start = i + 2;
    }
  }
  parts.push(message.slice(start));
  return parts;
}
