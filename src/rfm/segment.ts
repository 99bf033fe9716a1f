import { OTHER, type RuleSet } from './rules.js';

/**
 * The rule table compiled to a lookup of all 125 (R, F, M) score cells: the index of the first
 * matching rule's segment in `names`, with `OTHER` last for cells no rule matches.
 */
export interface SegmentLookup {
  names: string[];
  cell: Int16Array;
}

const cellIndex = (r: number, f: number, m: number): number => (r - 1) * 25 + (f - 1) * 5 + (m - 1);

/** Compile rules, first match wins. */
export function compileRules(rules: RuleSet): SegmentLookup {
  const names = [...new Set(rules.rules.map((r) => r.segment).filter((s) => s !== OTHER)), OTHER];
  const cell = new Int16Array(125).fill(names.length - 1);
  for (let r = 1; r <= 5; r++) {
    for (let f = 1; f <= 5; f++) {
      for (let m = 1; m <= 5; m++) {
        const rule = rules.rules.find((x) => inRange(r, x.r) && inRange(f, x.f) && inRange(m, x.m));
        if (rule) cell[cellIndex(r, f, m)] = names.indexOf(rule.segment);
      }
    }
  }
  return { names, cell };
}

const inRange = (v: number, [lo, hi]: [number, number]): boolean => v >= lo && v <= hi;

/** Segment index of one customer's scores. */
export const segmentOf = (lookup: SegmentLookup, r: number, f: number, m: number): number =>
  lookup.cell[cellIndex(r, f, m)]!;

/** Score cells (as "R1F1M1" strings) that no rule covers: they fall into Other. */
export function uncoveredCells(lookup: SegmentLookup): string[] {
  const other = lookup.names.length - 1;
  const out: string[] = [];
  lookup.cell.forEach((seg, i) => {
    if (seg === other) out.push(`R${Math.floor(i / 25) + 1}F${(Math.floor(i / 5) % 5) + 1}M${(i % 5) + 1}`);
  });
  return out;
}
